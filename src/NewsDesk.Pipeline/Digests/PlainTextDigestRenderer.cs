using System.Globalization;
using System.Text;
using NewsDesk.Summaries;

namespace NewsDesk.Digests;

/// <summary>
/// The digest as plain text, for the text/plain part of the e-mail. Nothing here is markup, so source text is shown
/// as it is: the Markdown digest's escapes (&amp;lt;, \*) would reach the reader literally. Line breaks inside
/// source text are flattened so that a headline cannot fake an entry of its own.
/// </summary>
public static class PlainTextDigestRenderer
{
    public static string Render(Digest digest)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"NewsDesk digest for {digest.Date}\n\n");
        if (digest.StoryCount == 0)
        {
            text.Append("No articles were published or ingested on this day.\n");
            return text.ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $"{digest.StoryCount} stories from {digest.ArticleCount} articles ({digest.TimeZone}). Summaries are sentences quoted from the primary source unless marked as machine-written.\n");
        foreach (var section in digest.Sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n== {Line(section.Heading)} ==\n");
            foreach (var entry in section.Entries)
            {
                AppendEntry(text, entry);
            }
        }

        return text.ToString();
    }

    private static void AppendEntry(StringBuilder text, DigestEntry entry)
    {
        text.Append(CultureInfo.InvariantCulture, $"\n* {Line(entry.Headline)}\n  {entry.Url}\n");
        var meta = EntryMeta.Parts(entry, Line);
        if (entry.Tags.Length > 0)
        {
            meta.Add("tags: " + string.Join(", ", entry.Tags.Select(t => t.Theme)));
        }

        text.Append(CultureInfo.InvariantCulture, $"  {string.Join(" · ", meta)}\n");
        if (entry.Summary.Sentences.Length > 0)
        {
            var label = entry.Summary.Method == SummaryMethods.Machine ? $"Machine-written summary ({Line(entry.Summary.Model ?? "model")}): " : "";
            text.Append(CultureInfo.InvariantCulture, $"  {label}{Line(entry.Summary.Text)}\n");
        }

        if (entry.TextSource == "feed")
        {
            text.Append("  (Summary from the feed's own text; the article page could not be read.)\n");
        }

        if (entry.AlsoReportedBy.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"  Also reported by: {string.Join(", ", entry.AlsoReportedBy.Select(l => $"{Line(l.Source ?? new Uri(l.Url).Host)} <{l.Url}>"))}\n");
        }
    }

    private static string Line(string value) => value.ReplaceLineEndings(" ");
}
