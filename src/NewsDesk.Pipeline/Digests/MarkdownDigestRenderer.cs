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
        md.Append(CultureInfo.InvariantCulture, $"# {Escape(digest.Title)}\n\n");
        if (digest.StoryCount == 0)
        {
            md.Append(Escape(EntryLines.Empty(digest))).Append('\n');
            return md.ToString();
        }

        md.Append(Escape(EntryLines.Intro(digest))).Append('\n');
        if (digest.AtAGlance.Length > 0)
        {
            md.Append("\n## At a glance\n\n");
            for (var i = 0; i < digest.AtAGlance.Length; i++)
            {
                var line = digest.AtAGlance[i];
                md.Append(CultureInfo.InvariantCulture, $"{i + 1}. [{Escape(line.Headline)}](#{line.Anchor}) · {EntryLines.Glance(line, Escape)}\n");
            }
        }

        // "Why these tags" are footnotes, gathered here and written after the last story.
        var notes = new List<string>();
        foreach (var section in digest.Sections)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## {Escape(section.Heading)}\n");
            foreach (var entry in section.Entries)
            {
                AppendEntry(md, entry, showEvidence, notes);
            }
        }

        if (digest.AlsoInTheFeeds.Length > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## Also in the feeds\n\n_{EntryLines.AlsoInTheFeeds(digest)}._\n\n");
            foreach (var link in digest.AlsoInTheFeeds.Take(EntryLines.AlsoInTheFeedsShown))
            {
                md.Append(CultureInfo.InvariantCulture, $"- [{Escape(link.Title)}](<{LinkTarget(link.Url)}>) ({Escape(link.Source ?? new Uri(link.Url).Host)})\n");
            }

            if (digest.AlsoInTheFeeds.Length > EntryLines.AlsoInTheFeedsShown)
            {
                md.Append(CultureInfo.InvariantCulture, $"- {EntryLines.MoreInTheFeeds(digest)}\n");
            }
        }

        if (notes.Count > 0)
        {
            md.Append('\n');
            for (var i = 0; i < notes.Count; i++)
            {
                md.Append(CultureInfo.InvariantCulture, $"[^{i + 1}]: Why these tags: {notes[i]}\n");
            }
        }

        return md.ToString();
    }

    private static void AppendEntry(StringBuilder md, DigestEntry entry, bool showEvidence, List<string> notes)
    {
        // An explicit heading id ({#id}: Pandoc, kramdown, Python-Markdown, markdown-it-attrs), which "At a glance" links
        // to: generated ids differ from one renderer to the next, and the digest writes no raw HTML into Markdown.
        md.Append(CultureInfo.InvariantCulture, $"\n### [{Escape(entry.Headline)}](<{LinkTarget(entry.Url)}>) {{#{entry.Anchor}}}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"*{string.Join(" · ", EntryMeta.Parts(entry, Escape))}*\n\n");
        if (EntryLines.Parties(entry, Escape) is { } parties)
        {
            md.Append(parties).Append("\n\n");
        }

        if (entry.Tags.Length > 0)
        {
            notes.Add(string.Join("; ", entry.Tags.Select(t => EntryLines.Why(t, Escape, showEvidence))));
            md.Append(CultureInfo.InvariantCulture, $"Themes: {string.Join(", ", entry.ThemeLabels.Select(Escape))}[^{notes.Count}]\n\n");
        }

        if (EntryLines.Developing(entry) is { } developing)
        {
            md.Append(CultureInfo.InvariantCulture, $"**{developing}**\n\n");
        }

        if (entry.Summary.Sentences.Length > 0)
        {
            var label = entry.Summary.Method == SummaryMethods.Machine ? $"**Machine-written summary ({Escape(entry.Summary.Model ?? "model")}):** " : "";
            md.Append(CultureInfo.InvariantCulture, $"{label}{Escape(entry.Summary.Text)}\n");
        }

        if (entry.TextSource == "feed")
        {
            md.Append("\n_Summary from the feed's own text; the article page could not be read._\n");
        }

        if (entry.EditorsNote is { } note)
        {
            var sources = note.Sources.Select(l => $"[{Escape(EntryLines.SourceName(l))}](<{LinkTarget(l.Url)}>)");
            md.Append(CultureInfo.InvariantCulture, $"\n> **{EntryLines.NoteLabel(note, Escape)}** {Escape(note.Text)} Sources: {string.Join(", ", sources)}\n");
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
