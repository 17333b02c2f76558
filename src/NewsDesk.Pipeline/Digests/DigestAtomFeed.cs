using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml;
using NewsDesk.Desks;
using NewsDesk.Storage;

namespace NewsDesk.Digests;

/// <summary>
/// An Atom 1.0 feed of past digests, so a desk can subscribe to NewsDesk in any feed reader. Each entry carries the
/// digest's headlines with their links. The feed depends only on the stored digests and the base URL, never on the
/// time of the request, so a reader's repeat request can be answered "not modified".
/// </summary>
public static class DigestAtomFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>When the feed last changed: the newest digest's time, or the Unix epoch when there is none.</summary>
    public static DateTimeOffset Updated(IReadOnlyCollection<StoredDigest> digests) =>
        digests.Count > 0 ? digests.Max(d => d.GeneratedAt) : DateTimeOffset.UnixEpoch;

    /// <param name="baseUrl">The worker's public base URL (ending in /); entry links point at api/digests/{date} under it.</param>
    /// <param name="desk">The desk whose digests these are (<see cref="DeskDigestId"/>); null for the default digest.</param>
    public static string Render(IReadOnlyCollection<StoredDigest> digests, Uri baseUrl, string? desk = null)
    {
        var deskQuery = desk is null ? "" : "desk=" + Uri.EscapeDataString(desk);
        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, desk is null ? "urn:newsdesk:digests" : $"urn:newsdesk:digests:{desk}");
            xml.WriteElementString("title", Atom, desk is null ? "NewsDesk daily digests" : $"NewsDesk daily digests: desk {desk}");
            xml.WriteElementString("updated", Atom, Instant(Updated(digests)));
            Link(xml, "self", new Uri(baseUrl, desk is null ? "digests.atom" : "digests.atom?" + deskQuery), "application/atom+xml");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "NewsDesk");
            xml.WriteEndElement();
            foreach (var digest in digests)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"urn:newsdesk:digest:{digest.Id}");
                var date = DeskDigestId.Split(digest.Id).Date;
                xml.WriteElementString("title", Atom, $"NewsDesk digest for {date}: {digest.StoryCount} stories");
                xml.WriteElementString("updated", Atom, Instant(digest.GeneratedAt));
                Link(xml, "alternate", new Uri(baseUrl, $"api/digests/{date}?format=html{(desk is null ? "" : "&" + deskQuery)}"), "text/html");
                var counts = string.Create(CultureInfo.InvariantCulture, $"{digest.StoryCount} stories from {digest.ArticleCount} articles.");
                xml.WriteElementString("summary", Atom, counts);
                xml.WriteStartElement("content", Atom);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(Headlines(digest, counts));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>
    /// The digest's sections and headlines as a short HTML list, read from its stored JSON (the headlines, links and
    /// sources only: the full digest is one click away). Links are http(s) only; everything else is text.
    /// </summary>
    private static string Headlines(StoredDigest digest, string counts)
    {
        var html = new StringBuilder().Append("<p>").Append(E(counts)).Append("</p>");
        if (string.IsNullOrWhiteSpace(digest.Json))
        {
            return html.ToString();
        }

        using var json = JsonDocument.Parse(digest.Json);
        if (!json.RootElement.TryGetProperty("sections", out var sections) || sections.ValueKind != JsonValueKind.Array)
        {
            return html.ToString();
        }

        foreach (var section in sections.EnumerateArray())
        {
            html.Append("<h3>").Append(E(Text(section, "heading"))).Append("</h3><ul>");
            if (section.TryGetProperty("entries", out var entries) && entries.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in entries.EnumerateArray())
                {
                    html.Append("<li>").Append(Headline(entry)).Append("</li>");
                }
            }

            html.Append("</ul>");
        }

        return html.ToString();
    }

    private static string Headline(JsonElement entry)
    {
        var headline = E(Text(entry, "headline"));
        var source = Text(entry, "source");
        var linked = Uri.TryCreate(Text(entry, "url"), UriKind.Absolute, out var link) && link.Scheme is "http" or "https"
            ? $"<a href=\"{E(link.AbsoluteUri)}\">{headline}</a>"
            : headline;
        return source.Length > 0 ? $"{linked} ({E(source)})" : linked;
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static void Link(XmlWriter xml, string rel, Uri href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href.AbsoluteUri);
        xml.WriteEndElement();
    }

    private static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
