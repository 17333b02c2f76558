using System.Globalization;
using NewsDesk.Tagging;

namespace NewsDesk.Digests;

/// <summary>
/// The wording of a digest entry's lines, the same in every format: the escape arguments make source
/// text safe for the format, and the renderers only decide the markup around these lines.
/// </summary>
internal static class EntryLines
{
    /// <summary>How many untagged headlines "Also in the feeds" shows before "and N more": the list stays short.</summary>
    public const int AlsoInTheFeedsShown = 30;

    private const int PhrasesPerTag = 4;

    /// <summary>
    /// "2 stories from 3 articles, and 1 more headline with no theme (UTC). …": the articles counted are those behind
    /// the stories shown, so an untagged one is counted once, as a headline, or not at all when the digest leaves it out.
    /// </summary>
    public static string Intro(Digest digest) =>
        $"{Coverage(digest)} ({digest.TimeZone}). Summaries are sentences quoted from the primary source unless marked as machine-written.";

    /// <summary>
    /// What an empty digest says. A desk's says that nothing passed its filter, which is true whether the day had no
    /// articles or the filter matched none of them (a desk following a party no article names).
    /// </summary>
    public static string Empty(Digest digest) => digest.Desk is null
        ? "No articles were published or ingested on this day."
        : $"Nothing published or ingested on this day passed the filter of {digest.DeskName ?? digest.Desk} (its themes, parties, sources and minimum score).";

    /// <summary>"2 stories from 3 articles, and 1 more headline with no theme": what the digest covers, as its header and `demo` say it.</summary>
    public static string Coverage(Digest digest)
    {
        var themed = digest.Sections.Sum(s => s.Entries.Length);
        var reports = digest.Sections.Sum(s => s.Entries.Sum(e => e.SourceCount));
        var also = digest.AlsoInTheFeeds.Length > 0 ? $", and {Count(digest.AlsoInTheFeeds.Length, "more headline")} with no theme" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{Count(themed, "story", "stories")} from {Count(reports, "article")}{also}");
    }

    /// <summary>"United Kingdom, India · 3 sources", the part of a glance line after the headline.</summary>
    public static string Glance(GlanceLine line, Func<string, string> escape)
    {
        var sources = Count(line.Sources, "source");
        return line.Parties.Length > 0 ? $"{escape(string.Join(", ", line.Parties))} · {sources}" : sources;
    }

    /// <summary>"Parties: United Kingdom, India · Organisations: AI Security Institute", or null when none are known.</summary>
    public static string? Parties(DigestEntry entry, Func<string, string> escape)
    {
        var parts = new List<string>();
        if (entry.Parties.Length > 0)
        {
            parts.Add("Parties: " + escape(string.Join(", ", entry.Parties)));
        }

        if (entry.Organisations.Length > 0)
        {
            parts.Add("Organisations: " + escape(string.Join(", ", entry.Organisations)));
        }

        return parts.Count > 0 ? string.Join(" · ", parts) : null;
    }

    /// <summary>"Developing: first reported 2026-11-20, 2 new reports today", or null for a story new on the day.</summary>
    public static string? Developing(DigestEntry entry) => entry.Developing is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"Developing: first reported {d.FirstReported:yyyy-MM-dd}, {Count(d.NewReports, "new report")} today")
        : null;

    /// <summary>
    /// Why one tag was given: its label and the phrases that matched, quoted; with <paramref name="detail"/>, its score
    /// and the sentence of the first match as well.
    /// </summary>
    public static string Why(ThemeTag tag, Func<string, string> escape, bool detail)
    {
        var phrases = tag.Evidence.Select(e => e.Phrase).Distinct(StringComparer.OrdinalIgnoreCase).Take(PhrasesPerTag).Select(p => $"\u201C{escape(p)}\u201D").ToList();
        var why = phrases.Count > 0 ? $"{escape(ThemeHeadings.Label(tag.Theme))}: {string.Join(", ", phrases)}" : escape(ThemeHeadings.Label(tag.Theme));
        if (detail)
        {
            why += string.Create(CultureInfo.InvariantCulture, $" (score {tag.Score:0.00})");
            if (tag.Evidence.FirstOrDefault() is { } first)
            {
                why += $" in the {escape(first.Field)}: \u201C{escape(first.Sentence)}\u201D";
            }
        }

        return why;
    }

    /// <summary>"Editor's note, machine-written by llama3:", the label every format puts before the note.</summary>
    public static string NoteLabel(EditorsNote note, Func<string, string> escape) => $"Editor's note, machine-written by {escape(note.Model)}:";

    /// <summary>"GOV.UK", the name a note's source is linked under: the outlet, else the link's host.</summary>
    public static string SourceName(DigestLink link) => link.Source ?? new Uri(link.Url).Host;

    /// <summary>"Also in the feeds: 3 headlines with no theme", the list's title.</summary>
    public static string AlsoInTheFeeds(Digest digest) => $"Also in the feeds: {Count(digest.AlsoInTheFeeds.Length, "headline")} with no theme";

    /// <summary>"1 source", "2 sources".</summary>
    public static string Count(int n, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many ?? one + "s")}");

    public static string MoreInTheFeeds(Digest digest) =>
        string.Create(CultureInfo.InvariantCulture, $"and {digest.AlsoInTheFeeds.Length - AlsoInTheFeedsShown} more");
}
