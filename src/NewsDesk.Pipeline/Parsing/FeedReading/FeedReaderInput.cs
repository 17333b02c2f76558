using System.Xml.Linq;
using NewsDesk.Parsing.Xml;

namespace NewsDesk.Parsing.FeedReading;

/// <summary>
/// The text FeedReader is given: the tree our safe loader already built (decoded, repaired, no DTD),
/// written back out with the repairs FeedReader itself needs. FeedReader therefore never sees a
/// DOCTYPE, an entity or a byte sequence it could mis-decode.
/// </summary>
internal static class FeedReaderInput
{
    public static string Serialize(XElement root)
    {
        var copy = new XElement(root);
        var core = copy.Name.LocalName == "RDF" ? RdfCore(copy) : copy.Name.Namespace;
        if (copy.Name.LocalName is "rss" or "RDF")
        {
            RepairRss(copy, core);
        }

        // The loader drops namespace declarations, so the writer would invent prefixes (p1, p2).
        // FeedReader finds extensions (dc:, content:, rdf:, ...) by their usual prefixes: declare those,
        // and make the format's own namespace the default one as it is in real feeds.
        var used = copy.DescendantsAndSelf().Select(e => e.Name.Namespace).ToHashSet();
        foreach (var (prefix, uri) in XmlPreprocessor.KnownPrefixes)
        {
            if (used.Contains(XNamespace.Get(uri)))
            {
                copy.SetAttributeValue(XNamespace.Xmlns + prefix, uri);
            }
        }

        if (core != XNamespace.None)
        {
            copy.SetAttributeValue("xmlns", core.NamespaceName);
        }

        return copy.ToString(SaveOptions.DisableFormatting);
    }

    private static void RepairRss(XElement copy, XNamespace core)
    {
        // FeedReader reads rss/@version unchecked and fails without it; "2.0" makes it take its most
        // tolerant RSS reader. The format we report still comes from the original attribute.
        if (copy.Name.LocalName == "rss" && copy.Attribute("version") is null)
        {
            copy.SetAttributeValue("version", "2.0");
        }

        // FeedReader dereferences <channel> unchecked. RSS without one (items directly under <rss>, or
        // an empty document) gets its children wrapped in a channel; RDF, whose items sit beside the
        // channel, gets an empty one.
        if (copy.Element(core + "channel") is null)
        {
            var children = copy.Name.LocalName == "RDF" ? [] : copy.Nodes().ToList();
            children.ForEach(n => n.Remove());
            copy.Add(new XElement(core + "channel", children));
        }
    }

    private static XNamespace RdfCore(XElement root) =>
        root.Elements().Any(e => e.Name.Namespace == FeedNamespaces.Rss090) ? FeedNamespaces.Rss090 : FeedNamespaces.Rss10;
}
