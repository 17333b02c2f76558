using System.Net;
using System.Text;
using System.Xml.Linq;

namespace NewsDesk.Parsing.Xml;

/// <summary>Serialises inline (X)HTML content back to markup, without namespace prefixes or declarations.</summary>
internal static class Markup
{
    public static string InnerXml(XElement element)
    {
        var sb = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            Write(node, sb);
        }

        return sb.ToString();
    }

    private static void Write(XNode node, StringBuilder sb)
    {
        switch (node)
        {
            case XCData cdata:
                sb.Append(WebUtility.HtmlEncode(cdata.Value));
                break;
            case XText text:
                sb.Append(Escape(text.Value));
                break;
            case XElement el:
                sb.Append('<').Append(el.Name.LocalName);
                foreach (var attribute in el.Attributes())
                {
                    sb.Append(' ').Append(attribute.Name.LocalName).Append("=\"").Append(Escape(attribute.Value).Replace("\"", "&quot;", StringComparison.Ordinal)).Append('"');
                }

                if (el.IsEmpty)
                {
                    sb.Append(" />");
                    break;
                }

                sb.Append('>');
                foreach (var child in el.Nodes())
                {
                    Write(child, sb);
                }

                sb.Append("</").Append(el.Name.LocalName).Append('>');
                break;
        }
    }

    private static string Escape(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
