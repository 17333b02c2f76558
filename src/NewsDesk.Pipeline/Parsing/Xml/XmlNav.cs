using System.Xml.Linq;

namespace NewsDesk.Parsing.Xml;

/// <summary>
/// Element lookup that tolerates how feeds are really written: core elements in the format's namespace
/// or in none (namespaced RSS, RSS 1.0 items without a prefix), and whitespace-only values read as missing.
/// </summary>
internal static class XmlNav
{
    public static XElement? Core(this XElement parent, XNamespace core, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName && (e.Name.Namespace == core || e.Name.Namespace == XNamespace.None));

    public static IEnumerable<XElement> CoreAll(this XElement parent, XNamespace core, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName && (e.Name.Namespace == core || e.Name.Namespace == XNamespace.None));

    public static XElement? Ext(this XElement parent, XNamespace ns, string localName) => parent.Element(ns + localName);

    /// <summary>Trimmed text, or null when absent or blank.</summary>
    public static string? Text(this XElement? element) => NullIfBlank(element?.Value);

    public static string? Attr(this XElement? element, XName name) => NullIfBlank(element?.Attribute(name)?.Value);

    public static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static long? ParseLength(string? value) =>
        long.TryParse(value?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
