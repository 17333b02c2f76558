using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDesk.Desks;
using NewsDesk.Storage;
using NewsDesk.Summaries;

namespace NewsDesk.Digests;

/// <summary>
/// Makes the digest for a date: builds it, renders every format, replaces any earlier digest of that date in the
/// store and writes the files to the output folder. The daily job and `digest --date` both come here.
/// </summary>
public sealed partial class DigestPublisher(DigestBuilder builder, INewsStore store, MachineSummarizer machine, EditorsNoteWriter notes, IOptions<DigestOptions> options, ILogger<DigestPublisher> logger)
{
    private readonly DigestOptions _options = options.Value;

    /// <param name="writeFiles">Also write the Markdown, HTML and JSON files to the output folder.</param>
    /// <param name="desk">The desk whose digest to make (its filters, zone and untagged choice); null for the default digest.</param>
    public async Task<PublishedDigest> PublishAsync(DateOnly date, bool writeFiles = true, CancellationToken ct = default, DeskOptions? desk = null) =>
        (await PublishDesksAsync(date, [desk], writeFiles, ct).ConfigureAwait(false))[0];

    /// <summary>
    /// The digests of several desks for one day (null for the default digest), made together: the day is read once per
    /// time zone and each desk filters that read; an entry shown alike in several digests is sanitised once, and an
    /// article's machine-written summary or editor's note asked for once (<see cref="MachineTextPass"/>).
    /// </summary>
    public async Task<IReadOnlyList<PublishedDigest>> PublishDesksAsync(DateOnly date, IReadOnlyList<DeskOptions?> desks, bool writeFiles = true, CancellationToken ct = default)
    {
        var inputs = new Dictionary<string, DigestInput>(StringComparer.Ordinal);
        var machineText = new MachineTextPass(store, machine, notes);
        var digests = new List<Digest>(desks.Count);
        foreach (var desk in desks)
        {
            var zone = _options.Zone(desk);
            if (!inputs.TryGetValue(zone.Id, out var input))
            {
                input = builder.Read(date, zone);
                inputs[zone.Id] = input;
            }

            var built = builder.Build(input, desk?.ListUntagged ?? _options.ListUntagged, desk);
            digests.Add(await machineText.ApplyAsync(built, ct).ConfigureAwait(false));
        }

        // Rendering is most of what is left, and each digest's is its own: on every core. Storing and writing stay in order.
        var fragments = new SanitizedFragments();
        var rendered = new StoredDigest[digests.Count];
        Parallel.For(0, digests.Count, new ParallelOptions { CancellationToken = ct }, i => rendered[i] = Render(digests[i], desks[i], fragments));
        return [.. digests.Select((digest, i) => Publish(digest, rendered[i], desks[i], writeFiles))];
    }

    private StoredDigest Render(Digest digest, DeskOptions? desk, SanitizedFragments fragments) => new()
    {
        Id = DeskDigestId.For(digest.Date, desk?.Id),
        GeneratedAt = digest.GeneratedAt,
        ArticleCount = digest.ArticleCount,
        StoryCount = digest.StoryCount,
        Markdown = MarkdownDigestRenderer.Render(digest, _options.ShowEvidence),
        Html = HtmlDigestRenderer.Render(digest, _options.ShowEvidence, fragments),
        Json = JsonDigestRenderer.Render(digest),
    };

    private PublishedDigest Publish(Digest digest, StoredDigest stored, DeskOptions? desk, bool writeFiles)
    {
        store.SaveDigest(stored);

        if (!writeFiles)
        {
            return new PublishedDigest(digest, stored, []);
        }

        var folder = Path.GetFullPath(_options.OutputFolder);
        Directory.CreateDirectory(folder);
        var name = desk is null ? $"digest-{digest.Date}" : $"digest-{digest.Date}-{desk.Id}";
        var files = new[]
        {
            Write(folder, name + ".md", stored.Markdown),
            Write(folder, name + ".html", stored.Html),
            Write(folder, name + ".json", stored.Json),
        };
        LogPublished(digest.Date, digest.Desk ?? "default", digest.StoryCount, digest.ArticleCount, folder);
        return new PublishedDigest(digest, stored, files);
    }

    /// <summary>Writes through a temporary file so a reader never sees half a digest; a failed write (a full disk) removes it.</summary>
    private static string Write(string folder, string name, string content)
    {
        var path = Path.Combine(folder, name);
        var temp = path + ".tmp";
        try
        {
            File.WriteAllText(temp, content);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new IOException($"digest: {path} was not written: {ex.Message}", ex);
        }

        return path;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Digest for {Date} (desk {Desk}): {StoryCount} stories from {ArticleCount} articles, written to {Folder}")]
    private partial void LogPublished(string date, string desk, int storyCount, int articleCount, string folder);
}
