namespace NewsDesk.Parsing;

/// <summary>A document that cannot be read as a feed. Carries the line and column where known.</summary>
public sealed class FeedParseException : Exception
{
    public FeedParseException(string message, int? line = null, int? column = null, Exception? inner = null)
        : base(Format(message, line, column), inner)
    {
        Line = line;
        Column = column;
    }

    public int? Line { get; }
    public int? Column { get; }

    private static string Format(string message, int? line, int? column) =>
        line is null ? $"parser: {message}" : $"parser: {message} (line {line}, column {column ?? 0})";
}
