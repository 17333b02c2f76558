namespace NewsDesk.Commands;

/// <summary>A command was given an argument it cannot use (a date that does not parse, a missing input file).</summary>
internal sealed class UsageException(string message) : Exception(message);
