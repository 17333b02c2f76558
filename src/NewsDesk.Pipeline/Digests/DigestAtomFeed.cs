using System.Globalization;
using System.Text;
using System.Xml;
using NewsDesk.Storage;

namespace NewsDesk.Digests;

/// <summary>An Atom 1.0 feed of past digests, so a desk can subscribe to NewsDesk in any feed reader.</summary>
public static class DigestAtomFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <param name="baseUrl">The worker's public origin; entry links point at /api/digests/{date}.</param>
    public static string Render(IEnumerable<StoredDigest> digests, Uri baseUrl, DateTimeOffset now)
    {
        var list = digests.ToList();
        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, "urn:newsdesk:digests");
            xml.WriteElementString("title", Atom, "NewsDesk daily digests");
            xml.WriteElementString("updated", Atom, Instant(list.Count > 0 ? list.Max(d => d.GeneratedAt) : now));
            Link(xml, "self", new Uri(baseUrl, "digests.atom"), "application/atom+xml");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "NewsDesk");
            xml.WriteEndElement();
            foreach (var digest in list)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"urn:newsdesk:digest:{digest.Id}");
                xml.WriteElementString("title", Atom, $"NewsDesk digest for {digest.Id}: {digest.StoryCount} stories");
                xml.WriteElementString("updated", Atom, Instant(digest.GeneratedAt));
                Link(xml, "alternate", new Uri(baseUrl, $"api/digests/{digest.Id}?format=html"), "text/html");
                xml.WriteStartElement("summary", Atom);
                xml.WriteString(string.Create(CultureInfo.InvariantCulture, $"{digest.StoryCount} stories from {digest.ArticleCount} articles."));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

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
