using System.Globalization;
using System.Text;
using System.Xml;

namespace NewsDesk.Feeds.Opml;

/// <summary>
/// Writes the feed list as OPML 2.0 the way readers exchange subscriptions: one outline per feed (type="rss", text,
/// title, xmlUrl, htmlUrl), inside nested folder outlines built from each feed's category path.
/// </summary>
public static class OpmlWriter
{
    public static void Write(IEnumerable<FeedDefinition> feeds, Stream output, DateTimeOffset created, string title = "NewsDesk feeds")
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false) };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("opml");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteStartElement("head");
        xml.WriteElementString("title", title);
        xml.WriteElementString("dateCreated", created.UtcDateTime.ToString("r", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteStartElement("body");
        WriteFolder(xml, Folder.Build(feeds));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteFolder(XmlWriter xml, Folder folder)
    {
        foreach (var feed in folder.Feeds)
        {
            xml.WriteStartElement("outline");
            xml.WriteAttributeString("type", "rss");
            xml.WriteAttributeString("text", feed.Title);
            xml.WriteAttributeString("title", feed.Title);
            xml.WriteAttributeString("xmlUrl", feed.Url.AbsoluteUri);
            if (feed.SiteUrl is not null)
            {
                xml.WriteAttributeString("htmlUrl", feed.SiteUrl.AbsoluteUri);
            }

            xml.WriteEndElement();
        }

        foreach (var (name, child) in folder.Children)
        {
            xml.WriteStartElement("outline");
            xml.WriteAttributeString("text", name);
            xml.WriteAttributeString("title", name);
            WriteFolder(xml, child);
            xml.WriteEndElement();
        }
    }

    /// <summary>The category paths as a tree, folders and feeds in first-seen order.</summary>
    private sealed class Folder
    {
        public List<FeedDefinition> Feeds { get; } = [];

        public List<(string Name, Folder Child)> Children { get; } = [];

        public static Folder Build(IEnumerable<FeedDefinition> feeds)
        {
            var root = new Folder();
            foreach (var feed in feeds)
            {
                var folder = root;
                foreach (var name in (feed.Category ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var existing = folder.Children.FirstOrDefault(c => c.Name == name).Child;
                    if (existing is null)
                    {
                        existing = new Folder();
                        folder.Children.Add((name, existing));
                    }

                    folder = existing;
                }

                folder.Feeds.Add(feed);
            }

            return root;
        }
    }
}
