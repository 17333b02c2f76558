using System.Globalization;
using System.Net;
using System.Text;
using NewsDesk.Summaries;
using NewsDesk.Text;

namespace NewsDesk.Digests;

/// <summary>
/// The digest as an email-friendly HTML page: inline CSS, no scripts. Every source string is HTML-encoded when the
/// body is built, and the body then passes through the sanitiser as well, so nothing from a feed or page can run.
/// The inline styles are our own constants, so they go in after the sanitiser: it parses every style attribute with
/// a CSS parser, which made a 5,000-article digest take most of a minute (docs/benchmarks/performance.md).
/// </summary>
public static class HtmlDigestRenderer
{
    private const string Body = "font-family:Georgia,serif;max-width:720px;margin:0 auto;padding:16px;color:#1a1a1a;line-height:1.5";
    private const string Meta = "color:#555;font-size:13px;font-family:Arial,sans-serif";
    private const string Tag = "display:inline-block;background:#eef2f7;color:#1d3557;border-radius:3px;padding:0 6px;margin-right:4px;font-size:12px;font-family:Arial,sans-serif";

    // Every style the body uses, written as a placeholder attribute until the sanitiser has run. The attribute name
    // carries a per-process random part, so text from a feed cannot spell a placeholder.
    private static readonly string[] Styles = [Meta, Tag, "font-size:26px", "font-size:20px;border-bottom:1px solid #ccc", "margin:18px 0", "font-size:17px;margin:0", "color:#1d3557", "margin:6px 0"];
    private static readonly string Placeholder = "data-nd-style-" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..12];

    public static string Render(Digest digest, bool showEvidence) =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>NewsDesk digest for {E(digest.Date)}</title></head>\n<body style=\"{Body}\">\n{RenderBody(digest, showEvidence)}\n</body></html>\n";

    /// <summary>The sanitised digest body, one &lt;section data-theme&gt; per theme, for embedding in a page.</summary>
    public static string RenderBody(Digest digest, bool showEvidence)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1 {S("font-size:26px")}>NewsDesk digest for {E(digest.Date)}</h1>");
        if (digest.StoryCount == 0)
        {
            body.Append("<p>No articles were published or ingested on this day.</p>");
        }
        else
        {
            body.Append(CultureInfo.InvariantCulture, $"<p {S(Meta)}>{digest.StoryCount} stories from {digest.ArticleCount} articles ({E(digest.TimeZone)}). Summaries are sentences quoted from the primary source unless marked as machine-written.</p>");
            foreach (var section in digest.Sections)
            {
                body.Append(CultureInfo.InvariantCulture, $"<section data-theme=\"{E(section.Theme)}\"><h2 {S("font-size:20px;border-bottom:1px solid #ccc")}>{E(section.Heading)}</h2>");
                foreach (var entry in section.Entries)
                {
                    AppendEntry(body, entry, showEvidence);
                }

                body.Append("</section>");
            }
        }

        return WithStyles(HtmlText.Sanitize(body.ToString()));
    }

    private static void AppendEntry(StringBuilder html, DigestEntry entry, bool showEvidence)
    {
        html.Append(CultureInfo.InvariantCulture, $"<div {S("margin:18px 0")}>");
        html.Append(CultureInfo.InvariantCulture, $"<h3 {S("font-size:17px;margin:0")}><a href=\"{E(entry.Url)}\" {S("color:#1d3557")}>{E(entry.Headline)}</a></h3>");
        var meta = EntryMeta.Parts(entry, E);
        html.Append(CultureInfo.InvariantCulture, $"<div {S(Meta)}>{string.Join(" · ", meta)}</div>");
        if (entry.Tags.Length > 0)
        {
            html.Append("<div>");
            foreach (var tag in entry.Tags)
            {
                html.Append(CultureInfo.InvariantCulture, $"<span {S(Tag)}>{E(tag.Theme)}</span>");
            }

            html.Append("</div>");
        }

        if (entry.Summary.Sentences.Length > 0)
        {
            var label = entry.Summary.Method == SummaryMethods.Machine ? $"<strong>Machine-written summary ({E(entry.Summary.Model ?? "model")}):</strong> " : "";
            html.Append(CultureInfo.InvariantCulture, $"<p {S("margin:6px 0")}>{label}{E(entry.Summary.Text)}</p>");
        }

        if (entry.TextSource == "feed")
        {
            html.Append(CultureInfo.InvariantCulture, $"<p {S(Meta)}>Summary from the feed's own text; the article page could not be read.</p>");
        }

        if (showEvidence && entry.Tags.Length > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<ul {S(Meta)}>");
            foreach (var tag in entry.Tags)
            {
                var evidence = tag.Evidence.FirstOrDefault();
                var why = evidence is null ? "" : $": &ldquo;{E(evidence.Phrase)}&rdquo; in the {E(evidence.Field)}: &ldquo;{E(evidence.Sentence)}&rdquo;";
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(tag.Theme)} ({tag.Score:0.00}){why}</li>");
            }

            html.Append("</ul>");
        }

        if (entry.AlsoReportedBy.Length > 0)
        {
            var links = entry.AlsoReportedBy.Select(l => $"<a href=\"{E(l.Url)}\" {S("color:#1d3557")}>{E(l.Source ?? new Uri(l.Url).Host)}</a>");
            html.Append(CultureInfo.InvariantCulture, $"<p {S(Meta)}>Also reported by: {string.Join(", ", links)}</p>");
        }

        html.Append("</div>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The placeholder attribute for one of <see cref="Styles"/>.</summary>
    private static string S(string style) => $"{Placeholder}=\"{Array.IndexOf(Styles, style)}\"";

    /// <summary>Puts the styles in place of their placeholders, after the sanitiser has run.</summary>
    private static string WithStyles(string sanitized)
    {
        var result = new StringBuilder(sanitized);
        for (var i = 0; i < Styles.Length; i++)
        {
            result.Replace($"{Placeholder}=\"{i}\"", $"style=\"{Styles[i]}\"");
        }

        return result.ToString();
    }
}
