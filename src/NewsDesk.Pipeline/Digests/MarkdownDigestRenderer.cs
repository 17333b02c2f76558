using System.Globalization;
using System.Text;
using NewsDesk.Summaries;

namespace NewsDesk.Digests;

/// <summary>The digest as Markdown. Text from sources is escaped, so a headline can never become markup or a link.</summary>
public static class MarkdownDigestRenderer
{
    public static string Render(Digest digest, bool showEvidence)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# NewsDesk digest for {digest.Date}\n\n");
        if (digest.StoryCount == 0)
        {
            md.Append("No articles were published or ingested on this day.\n");
            return md.ToString();
        }

        md.Append(CultureInfo.InvariantCulture, $"{digest.StoryCount} stories from {digest.ArticleCount} articles ({digest.TimeZone}). Summaries are sentences quoted from the primary source unless marked as machine-written.\n");
        foreach (var section in digest.Sections)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## {Escape(section.Heading)}\n");
            foreach (var entry in section.Entries)
            {
                AppendEntry(md, entry, showEvidence);
            }
        }

        return md.ToString();
    }

    private static void AppendEntry(StringBuilder md, DigestEntry entry, bool showEvidence)
    {
        md.Append(CultureInfo.InvariantCulture, $"\n### [{Escape(entry.Headline)}](<{LinkTarget(entry.Url)}>)\n\n");
        var meta = EntryMeta.Parts(entry, Escape);
        if (entry.Tags.Length > 0)
        {
            meta.Add("tags: " + string.Join(", ", entry.Tags.Select(t => t.Theme)));
        }

        md.Append(CultureInfo.InvariantCulture, $"*{string.Join(" · ", meta)}*\n\n");
        if (entry.Summary.Sentences.Length > 0)
        {
            var label = entry.Summary.Method == SummaryMethods.Machine ? $"**Machine-written summary ({Escape(entry.Summary.Model ?? "model")}):** " : "";
            md.Append(CultureInfo.InvariantCulture, $"{label}{Escape(entry.Summary.Text)}\n");
        }

        if (entry.TextSource == "feed")
        {
            md.Append("\n_Summary from the feed's own text; the article page could not be read._\n");
        }

        if (showEvidence)
        {
            foreach (var tag in entry.Tags)
            {
                var evidence = tag.Evidence.FirstOrDefault();
                var why = evidence is null ? "" : $": \"{Escape(evidence.Phrase)}\" in the {evidence.Field}: \"{Escape(evidence.Sentence)}\"";
                md.Append(CultureInfo.InvariantCulture, $"\n- `{tag.Theme}` ({tag.Score:0.00}){why}");
            }

            md.Append('\n');
        }

        if (entry.AlsoReportedBy.Length > 0)
        {
            var links = entry.AlsoReportedBy.Select(l => $"[{Escape(l.Source ?? new Uri(l.Url).Host)}](<{LinkTarget(l.Url)}>)");
            md.Append(CultureInfo.InvariantCulture, $"\nAlso reported by: {string.Join(", ", links)}\n");
        }
    }

    /// <summary>
    /// A link target that cannot break out of the angle-bracket form or run script: only http(s) URLs, with
    /// brackets and spaces percent-encoded. Stored URLs are canonical http(s) already; this is defence in depth.
    /// </summary>
    public static string LinkTarget(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)
            : "#";

    /// <summary>Escapes Markdown and inline-HTML syntax so source text shows literally.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|' or '!':
                    builder.Append('\\').Append(c);
                    break;
                case '\r' or '\n': builder.Append(' '); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
