using System.Text;

namespace NewsDesk.Storage;

/// <summary>
/// Tells a LiteDB data file from any other file before LiteDB is given it. Handed a file that is not one (a storage
/// path pointing at feeds.json, a page, a CSV), LiteDB wrote a new empty store over it: the file was lost, and
/// `export` then reported "Exported 0 articles" with exit 0. An empty file is a new store; anything else must carry
/// LiteDB's header text near its start (at byte 32 in LiteDB 5 files, a little earlier in LiteDB 4's, which LiteDB
/// then refuses by itself with its own message).
/// </summary>
internal static class StoreFileHeader
{
    private static readonly byte[] Signature = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>Fails, without writing to it, when <paramref name="file"/> holds something other than a LiteDB store.</summary>
    /// <exception cref="StorageException">The file is not empty and is not a LiteDB file.</exception>
    public static void Require(FileStream file, string path)
    {
        if (file.Length == 0)
        {
            return;
        }

        var head = new byte[64];
        file.Position = 0;
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        file.Position = 0;
        if (head.AsSpan(0, read).IndexOf(Signature) < 0)
        {
            throw new StorageException($"storage: {path} is not a NewsDesk store (not a LiteDB file); it was left as it was. Check NewsDesk:Storage:Path (NewsDesk__Storage__Path).");
        }
    }
}
