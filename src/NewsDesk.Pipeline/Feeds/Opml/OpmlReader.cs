using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace NewsDesk.Feeds.Opml;

/// <summary>
/// Reads OPML subscription lists as feed readers exchange them (OPML 1.0 and 2.0): feed outlines carry xmlUrl, and
/// optionally htmlUrl, title and text; outlines without xmlUrl are folders, nested to any depth, and become the
/// category path ("News/Tech"). The file is untrusted: DTDs are prohibited and nothing external is resolved.
/// Strict like feeds.json: one bad feed outline fails the import, and every bad outline is named with its line.
/// </summary>
public static class OpmlReader
{
    private const int MaxDepth = 32;

    public static IReadOnlyList<OpmlFeed> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    public static IReadOnlyList<OpmlFeed> Read(Stream stream, string source)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = 50_000_000,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var (line, column) = ex.LineNumber > 0 ? (ex.LineNumber, ex.LinePosition) : DoctypePosition(bytes);
            throw new OpmlException($"{source}: not well-formed or unsafe XML at line {line}, column {column}: {ex.Message}", ex);
        }

        var root = document.Root;
        if (root is null || root.Name.LocalName != "opml")
        {
            throw new OpmlException($"{source}: not an OPML file: the root element is <{root?.Name.LocalName}>, not <opml>{Where(root)}.");
        }

        var body = root.Elements().FirstOrDefault(e => e.Name.LocalName == "body")
            ?? throw new OpmlException($"{source}: <opml> has no <body>{Where(root)}.");
        var feeds = new List<OpmlFeed>();
        var errors = new List<string>();
        Walk(body, [], feeds, errors, source);
        if (errors.Count > 0)
        {
            throw new OpmlException(string.Join(Environment.NewLine, errors));
        }

        return feeds;
    }

    private static void Walk(XElement parent, List<string> folders, List<OpmlFeed> feeds, List<string> errors, string source)
    {
        foreach (var outline in parent.Elements().Where(e => e.Name.LocalName == "outline"))
        {
            var line = ((IXmlLineInfo)outline).LineNumber;
            var name = Attribute(outline, "title") ?? Attribute(outline, "text");
            var xmlUrl = Attribute(outline, "xmlUrl");
            if (xmlUrl is null)
            {
                if (Attribute(outline, "type") is { } type && type.Equals("rss", StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add($"{source}:{line}: outline \"{name}\" has type=\"rss\" but no xmlUrl.");
                }

                if (folders.Count >= MaxDepth)
                {
                    errors.Add($"{source}:{line}: outlines nest more than {MaxDepth} deep.");
                    continue;
                }

                // A folder: its children inherit its name. An unnamed folder adds no level.
                Walk(outline, name is null ? folders : [.. folders, name.Replace('/', '-')], feeds, errors, source);
                continue;
            }

            if (!FeedUrls.TryParse(xmlUrl, out var url))
            {
                errors.Add($"{source}:{line}: outline \"{name ?? xmlUrl}\": xmlUrl \"{xmlUrl}\" is not an absolute http or https URL.");
                continue;
            }

            // An htmlUrl that is not a web address is only decoration; the feed is still worth importing.
            FeedUrls.TryParse(Attribute(outline, "htmlUrl"), out var site);
            var category = folders.Count > 0 ? string.Join('/', folders) : CategoryAttribute(outline);
            feeds.Add(new OpmlFeed(name ?? url.Host, url, site, category, line));
        }
    }

    /// <summary>The prohibited-DTD refusal carries no position; the DOCTYPE is what it refused.</summary>
    private static (int Line, int Column) DoctypePosition(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var at = Math.Max(0, text.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase));
        var before = text.AsSpan(0, at);
        return (before.Count('\n') + 1, at - before.LastIndexOf('\n'));
    }

    /// <summary>OPML 2.0's category attribute: comma-separated slash paths; the first one is the folder.</summary>
    private static string? CategoryAttribute(XElement outline) =>
        Attribute(outline, "category")?.Split(',')[0].Trim().Trim('/') is { Length: > 0 } path ? path : null;

    /// <summary>Attribute names compared without case: files in the wild write xmlurl and XMLURL too.</summary>
    private static string? Attribute(XElement element, string name) =>
        element.Attributes().FirstOrDefault(a => a.Name.NamespaceName.Length == 0 && a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value is { } value
            && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string Where(XElement? element) =>
        element is IXmlLineInfo info && info.HasLineInfo() ? $" (line {info.LineNumber}, column {info.LinePosition})" : string.Empty;
}
