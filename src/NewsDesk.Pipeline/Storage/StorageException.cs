namespace NewsDesk.Storage;

/// <summary>The store could not be opened or written; the message names the file and what to do.</summary>
public sealed class StorageException(string message, Exception? inner = null) : Exception(message, inner);
