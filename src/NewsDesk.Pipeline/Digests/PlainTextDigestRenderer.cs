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
    public static string Render(Digest digest, bool showEvidence = false)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Line(digest.Title)}\n\n");
        if (digest.StoryCount == 0)
        {
            text.Append(Line(EntryLines.Empty(digest))).Append('\n');
            return text.ToString();
        }

        text.Append(EntryLines.Intro(digest)).Append('\n');
        if (digest.AtAGlance.Length > 0)
        {
            text.Append("\n== At a glance ==\n");
            for (var i = 0; i < digest.AtAGlance.Length; i++)
            {
                var line = digest.AtAGlance[i];
                text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {Line(line.Headline)} · {EntryLines.Glance(line, Line)}\n");
            }
        }

        // "Why these tags" are numbered notes after the last story, as footnotes in print.
        var notes = new List<string>();
        foreach (var section in digest.Sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n== {Line(section.Heading)} ==\n");
            foreach (var entry in section.Entries)
            {
                AppendEntry(text, entry, showEvidence, notes);
            }
        }

        if (digest.AlsoInTheFeeds.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n== {EntryLines.AlsoInTheFeeds(digest)} ==\n");
            foreach (var link in digest.AlsoInTheFeeds.Take(EntryLines.AlsoInTheFeedsShown))
            {
                text.Append(CultureInfo.InvariantCulture, $"- {Line(link.Title)} ({Line(link.Source ?? new Uri(link.Url).Host)}) <{link.Url}>\n");
            }

            if (digest.AlsoInTheFeeds.Length > EntryLines.AlsoInTheFeedsShown)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {EntryLines.MoreInTheFeeds(digest)}\n");
            }
        }

        if (notes.Count > 0)
        {
            text.Append("\n== Why these tags ==\n");
            for (var i = 0; i < notes.Count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"[{i + 1}] {notes[i]}\n");
            }
        }

        return text.ToString();
    }

    private static void AppendEntry(StringBuilder text, DigestEntry entry, bool showEvidence, List<string> notes)
    {
        text.Append(CultureInfo.InvariantCulture, $"\n* {Line(entry.Headline)}\n  {entry.Url}\n");
        text.Append(CultureInfo.InvariantCulture, $"  {string.Join(" · ", EntryMeta.Parts(entry, Line))}\n");
        if (EntryLines.Parties(entry, Line) is { } parties)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {parties}\n");
        }

        if (entry.Tags.Length > 0)
        {
            notes.Add(string.Join("; ", entry.Tags.Select(t => EntryLines.Why(t, Line, showEvidence))));
            text.Append(CultureInfo.InvariantCulture, $"  Themes: {string.Join(", ", entry.ThemeLabels.Select(Line))} [{notes.Count}]\n");
        }

        if (EntryLines.Developing(entry) is { } developing)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {developing}\n");
        }

        if (entry.Summary.Sentences.Length > 0)
        {
            var label = entry.Summary.Method == SummaryMethods.Machine ? $"Machine-written summary ({Line(entry.Summary.Model ?? "model")}): " : "";
            text.Append(CultureInfo.InvariantCulture, $"  {label}{Line(entry.Summary.Text)}\n");
        }

        if (entry.TextSource == "feed")
        {
            text.Append("  (Summary from the feed's own text; the article page could not be read.)\n");
        }

        if (entry.EditorsNote is { } note)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {EntryLines.NoteLabel(note, Line)} {Line(note.Text)}\n");
            text.Append(CultureInfo.InvariantCulture, $"  Sources: {string.Join(", ", note.Sources.Select(l => $"{Line(EntryLines.SourceName(l))} <{l.Url}>"))}\n");
        }

        if (entry.AlsoReportedBy.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"  Also reported by: {string.Join(", ", entry.AlsoReportedBy.Select(l => $"{Line(l.Source ?? new Uri(l.Url).Host)} <{l.Url}>"))}\n");
        }
    }

    private static string Line(string value) => value.ReplaceLineEndings(" ");
}
