namespace NewsDesk.Storage;

/// <summary>
/// One of the two files NewsDesk opens for LiteDB (the data file and its log), opened as LiteDB opens them itself:
/// read and write, readable by others, unbuffered, random access. Every call goes straight to the file; the two
/// differ only in when they reach the disk (<see cref="SyncedDataFile"/>, <see cref="CommitSyncedLog"/>). The data file
/// is the store's own descriptor (<see cref="StoreFileLock"/>), which outlives the engines opened on it.
/// </summary>
internal abstract class LiteDbFile : Stream
{
    private readonly bool _owned;

    protected LiteDbFile(string path)
        : this(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess), owned: true)
    {
    }

    protected LiteDbFile(FileStream file, bool owned)
    {
        File = file;
        _owned = owned;
    }

    protected FileStream File { get; }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length => File.Length;

    public override long Position
    {
        get => File.Position;
        set => File.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => File.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => File.Seek(offset, origin);

    public override void SetLength(long value) => File.SetLength(value);

    public override void Write(byte[] buffer, int offset, int count) => File.Write(buffer, offset, count);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _owned)
        {
            File.Dispose();
        }

        base.Dispose(disposing);
    }
}
