using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDesk.Storage;

namespace NewsDesk.Digests;

/// <summary>
/// Makes the digest for a date: builds it, renders every format, replaces any earlier digest of that date in the
/// store and writes the files to the output folder. The daily job and `digest --date` both come here.
/// </summary>
public sealed partial class DigestPublisher(DigestBuilder builder, NewsStore store, IOptions<DigestOptions> options, ILogger<DigestPublisher> logger)
{
    private readonly DigestOptions _options = options.Value;

    /// <param name="writeFiles">Also write the Markdown, HTML and JSON files to the output folder.</param>
    public PublishedDigest Publish(DateOnly date, bool writeFiles = true)
    {
        var digest = builder.Build(date, _options.Zone());
        var stored = new StoredDigest
        {
            Id = digest.Date,
            GeneratedAt = digest.GeneratedAt,
            ArticleCount = digest.ArticleCount,
            StoryCount = digest.StoryCount,
            Markdown = MarkdownDigestRenderer.Render(digest, _options.ShowEvidence),
            Html = HtmlDigestRenderer.Render(digest, _options.ShowEvidence),
            Json = JsonDigestRenderer.Render(digest),
        };
        store.SaveDigest(stored);

        if (!writeFiles)
        {
            return new PublishedDigest(digest, stored, []);
        }

        var folder = Path.GetFullPath(_options.OutputFolder);
        Directory.CreateDirectory(folder);
        var files = new[]
        {
            Write(folder, $"digest-{digest.Date}.md", stored.Markdown),
            Write(folder, $"digest-{digest.Date}.html", stored.Html),
            Write(folder, $"digest-{digest.Date}.json", stored.Json),
        };
        LogPublished(digest.Date, digest.StoryCount, digest.ArticleCount, folder);
        return new PublishedDigest(digest, stored, files);
    }

    /// <summary>Writes through a temporary file so a reader never sees half a digest.</summary>
    private static string Write(string folder, string name, string content)
    {
        var path = Path.Combine(folder, name);
        var temp = path + ".tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
        return path;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Digest for {Date}: {StoryCount} stories from {ArticleCount} articles, written to {Folder}")]
    private partial void LogPublished(string date, int storyCount, int articleCount, string folder);
}
