namespace NewsDesk.Storage;

/// <summary>
/// Opens a store's data file so that no other process can open it while it is held: with
/// <see cref="FileShare.None"/>, .NET takes an exclusive <c>flock</c> on the descriptor (a share lock on Windows).
/// The lock belongs to the file itself, not to a name, so every path to it is refused: the path given, a symbolic
/// link, a hard link. A lock file named after the path (data.db.lock) let a second process in through a link, and
/// LiteDB, given a second log, corrupted the store.
/// </summary>
internal static class StoreFileLock
{
    /// <summary>Opens (creating it if need be) and locks the data file at <paramref name="path"/>.</summary>
    /// <exception cref="StorageException">Another process, or another store in this one, holds the file.</exception>
    public static FileStream Open(string path, FileMode mode = FileMode.OpenOrCreate)
    {
        try
        {
            return new FileStream(path, mode, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.RandomAccess);
        }
        catch (IOException ex) when (IsHeld(ex))
        {
            throw new StorageException($"storage: {path} is in use by another NewsDesk process (a running worker?). Stop it, or read through the worker's API.", ex);
        }
    }

    /// <summary>True when the data file at <paramref name="path"/> exists and is held (by another process, or another store).</summary>
    public static bool IsHeld(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            return false;
        }
        catch (IOException ex) when (IsHeld(ex))
        {
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Missing, unreadable, read-only: not held; opening the store reports it as itself.
            return false;
        }
    }

    // Only a held lock means "in use"; any other failure (read-only file system, full disk) is reported as itself.
    // .NET gives the errno as HResult on Unix (EWOULDBLOCK: 11 on Linux, 35 on macOS) and a Win32 HResult on Windows.
    private static bool IsHeld(IOException ex) => ex.HResult is 11 or 35 or unchecked((int)0x80070020);
}
