using System.Globalization;
using System.Net;
using System.Text;
using NewsDesk.Summaries;
using NewsDesk.Text;

namespace NewsDesk.Digests;

/// <summary>
/// The digest as an email-friendly HTML page: inline CSS, no scripts. Every source string is HTML-encoded when the
/// body is built, and the body then passes through the sanitiser as well, so nothing from a feed or page can run:
/// each story's entry on its own (<see cref="SanitizedFragments"/>, so digests made together sanitise a shared
/// entry once), and the rest of the body around them.
/// The inline styles are our own constants, so they go in after the sanitiser: it parses every style attribute with
/// a CSS parser, which made a 5,000-article digest take most of a minute (docs/benchmarks/performance.md).
/// </summary>
public static class HtmlDigestRenderer
{
    // overflow-wrap: a long URL or word in a headline would otherwise widen a 400 px phone screen.
    private const string Body = "font-family:Georgia,serif;max-width:720px;margin:0 auto;padding:16px;color:#1a1a1a;line-height:1.5;overflow-wrap:anywhere";
    private const string Meta = "color:#555;font-size:13px;font-family:Arial,sans-serif";
    private const string Tag = "display:inline-block;background:#eef2f7;color:#1d3557;border-radius:3px;padding:0 6px;margin-right:4px;font-size:12px;font-family:Arial,sans-serif";
    private const string Link = "color:#1d3557";
    private const string Glance = "background:#f6f8fb;border-left:3px solid #1d3557;padding:8px 12px;margin:12px 0";
    private const string Note = "margin:6px 0;padding:4px 10px;border-left:3px solid #b08900;background:#fdf8e8";

    // Every style the body uses, written as a placeholder attribute until the sanitiser has run. The attribute name
    // carries a per-process random part, so text from a feed cannot spell a placeholder.
    private static readonly string[] Styles = [Meta, Tag, "font-size:26px", "font-size:20px;border-bottom:1px solid #ccc", "margin:18px 0", "font-size:17px;margin:0", Link, "margin:6px 0", Glance, "margin:4px 0;padding-left:20px", Note];
    private static readonly string Placeholder = "data-nd-style-" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..12];

    // The sanitiser drops id attributes (a page's ids could clash with ours), so the anchors "At a glance" links to are
    // written the same way as the styles: a data attribute with a random name, renamed to id after it has run.
    private static readonly string AnchorPlaceholder = "data-nd-id-" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..12];

    // Where each sanitised entry goes in the sanitised body around them: an empty element the sanitiser keeps as written.
    private static readonly string EntryPlaceholder = $"<article data-nd-entry-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..12]}=\"\"></article>";

    /// <param name="fragments">Entries already sanitised for other digests made at the same time; null for none.</param>
    public static string Render(Digest digest, bool showEvidence, SanitizedFragments? fragments = null) =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{E(digest.Title)}</title></head>\n<body style=\"{Body}\">\n{RenderBody(digest, showEvidence, fragments)}\n</body></html>\n";

    /// <summary>The sanitised digest body, one &lt;section data-theme&gt; per theme, for embedding in a page.</summary>
    public static string RenderBody(Digest digest, bool showEvidence, SanitizedFragments? fragments = null)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1 {S("font-size:26px")}>{E(digest.Title)}</h1>");
        if (digest.StoryCount == 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>{E(EntryLines.Empty(digest))}</p>");
            return WithStyles(HtmlText.Sanitize(body.ToString()));
        }

        body.Append(CultureInfo.InvariantCulture, $"<p {S(Meta)}>{E(EntryLines.Intro(digest))}</p>");
        if (digest.AtAGlance.Length > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<section {Id("at-a-glance")} {S(Glance)}><h2 {S("font-size:17px;margin:0")}>At a glance</h2><ol {S("margin:4px 0;padding-left:20px")}>");
            foreach (var line in digest.AtAGlance)
            {
                body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{E(line.Anchor)}\" {S(Link)}><bdi>{E(line.Headline)}</bdi></a> <span {S(Meta)}>{EntryLines.Glance(line, E)}</span></li>");
            }

            body.Append("</ol></section>");
        }

        fragments ??= new SanitizedFragments();
        var entries = new List<string>();
        var entry = new StringBuilder();
        foreach (var section in digest.Sections)
        {
            body.Append(CultureInfo.InvariantCulture, $"<section data-theme=\"{E(section.Theme)}\"><h2 {S("font-size:20px;border-bottom:1px solid #ccc")}>{E(section.Heading)}</h2>");
            foreach (var story in section.Entries)
            {
                AppendEntry(entry.Clear(), story, showEvidence);
                entries.Add(fragments.Sanitize(entry.ToString()));
                body.Append(EntryPlaceholder);
            }

            body.Append("</section>");
        }

        AppendAlsoInTheFeeds(body, digest);
        return WithStyles(WithEntries(HtmlText.Sanitize(body.ToString()), entries));
    }

    /// <summary>Puts the sanitised entries in place of their placeholders in the sanitised body, in order.</summary>
    private static string WithEntries(string sanitized, List<string> entries)
    {
        var parts = sanitized.Split(EntryPlaceholder);
        if (parts.Length != entries.Count + 1)
        {
            // Only a sanitiser that rewrote the placeholder could do this; a digest missing its stories is not sent.
            throw new InvalidOperationException($"digest: the HTML body kept {parts.Length - 1} of its {entries.Count} story placeholders");
        }

        var html = new StringBuilder(sanitized.Length + entries.Sum(e => e.Length));
        for (var i = 0; i < entries.Count; i++)
        {
            html.Append(parts[i]).Append(entries[i]);
        }

        return html.Append(parts[^1]).ToString();
    }

    private static void AppendEntry(StringBuilder html, DigestEntry entry, bool showEvidence)
    {
        html.Append(CultureInfo.InvariantCulture, $"<article {Id(entry.Anchor)} {S("margin:18px 0")}>");
        html.Append(CultureInfo.InvariantCulture, $"<h3 {S("font-size:17px;margin:0")}><a href=\"{E(entry.Url)}\" {S(Link)}><bdi>{E(entry.Headline)}</bdi></a></h3>");
        html.Append(CultureInfo.InvariantCulture, $"<div {S(Meta)}>{string.Join(" · ", EntryMeta.Parts(entry, E))}</div>");
        if (EntryLines.Parties(entry, E) is { } parties)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div {S(Meta)} data-line=\"parties\">{parties}</div>");
        }

        if (entry.ThemeLabels.Length > 0)
        {
            html.Append("<div>");
            foreach (var label in entry.ThemeLabels)
            {
                html.Append(CultureInfo.InvariantCulture, $"<span {S(Tag)}>{E(label)}</span>");
            }

            html.Append("</div>");
        }

        if (EntryLines.Developing(entry) is { } developing)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p {S(Meta)} data-line=\"developing\"><strong>{E(developing)}</strong></p>");
        }

        if (entry.Summary.Sentences.Length > 0)
        {
            var label = entry.Summary.Method == SummaryMethods.Machine ? $"<strong>Machine-written summary ({E(entry.Summary.Model ?? "model")}):</strong> " : "";
            html.Append(CultureInfo.InvariantCulture, $"<p {S("margin:6px 0")} dir=\"auto\">{label}{E(entry.Summary.Text)}</p>");
        }

        if (entry.TextSource == "feed")
        {
            html.Append(CultureInfo.InvariantCulture, $"<p {S(Meta)}>Summary from the feed's own text; the article page could not be read.</p>");
        }

        if (entry.EditorsNote is { } note)
        {
            var sources = note.Sources.Select(l => $"<a href=\"{E(l.Url)}\" {S(Link)}>{E(EntryLines.SourceName(l))}</a>");
            html.Append(CultureInfo.InvariantCulture, $"<p {S(Note)} data-line=\"editors-note\" dir=\"auto\"><strong>{EntryLines.NoteLabel(note, E)}</strong> {E(note.Text)} <span {S(Meta)}>Sources: {string.Join(", ", sources)}</span></p>");
        }

        if (entry.Tags.Length > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<details {S(Meta)}><summary>Why these tags</summary><ul {S("margin:4px 0;padding-left:20px")}>");
            foreach (var tag in entry.Tags)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{EntryLines.Why(tag, E, showEvidence)}</li>");
            }

            html.Append("</ul></details>");
        }

        if (entry.AlsoReportedBy.Length > 0)
        {
            var links = entry.AlsoReportedBy.Select(l => $"<a href=\"{E(l.Url)}\" {S(Link)}>{E(l.Source ?? new Uri(l.Url).Host)}</a>");
            html.Append(CultureInfo.InvariantCulture, $"<p {S(Meta)}>Also reported by: {string.Join(", ", links)}</p>");
        }

        html.Append("</article>");
    }

    /// <summary>Collapsed: the untagged headlines are there for an editor who looks, not in the way of the stories.</summary>
    private static void AppendAlsoInTheFeeds(StringBuilder html, Digest digest)
    {
        if (digest.AlsoInTheFeeds.Length == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<details {Id("also-in-the-feeds")} {S("margin:18px 0")}><summary {S(Meta)}>{E(EntryLines.AlsoInTheFeeds(digest))}</summary><ul {S(Meta)}>");
        foreach (var link in digest.AlsoInTheFeeds.Take(EntryLines.AlsoInTheFeedsShown))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(link.Url)}\" {S(Link)}><bdi>{E(link.Title)}</bdi></a> ({E(link.Source ?? new Uri(link.Url).Host)})</li>");
        }

        if (digest.AlsoInTheFeeds.Length > EntryLines.AlsoInTheFeedsShown)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(EntryLines.MoreInTheFeeds(digest))}</li>");
        }

        html.Append("</ul></details>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The placeholder attribute for one of <see cref="Styles"/>.</summary>
    private static string S(string style) => $"{Placeholder}=\"{Array.IndexOf(Styles, style)}\"";

    /// <summary>The placeholder attribute for an element's id.</summary>
    private static string Id(string anchor) => $"{AnchorPlaceholder}=\"{E(anchor)}\"";

    /// <summary>Puts the styles and ids in place of their placeholders, after the sanitiser has run.</summary>
    private static string WithStyles(string sanitized)
    {
        var result = new StringBuilder(sanitized).Replace(AnchorPlaceholder + "=\"", "id=\"");
        for (var i = 0; i < Styles.Length; i++)
        {
            result.Replace($"{Placeholder}=\"{i}\"", $"style=\"{Styles[i]}\"");
        }

        return result.ToString();
    }
}
