using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Looks for anything a browser would execute in an HTML or Markdown output. HTML is parsed the way a browser parses
/// it (AngleSharp implements the HTML5 algorithm), so a check on the DOM cannot be fooled by odd spelling in the text.
/// </summary>
internal static partial class HtmlSafety
{
    private static readonly HtmlParser Parser = new();

    private static readonly string[] DangerousElements = ["iframe", "frame", "object", "embed", "applet", "form", "base", "link", "svg", "math", "input", "textarea", "select"];

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "codebase", "cite", "srcset"];

    /// <summary>Every executable thing in <paramref name="html"/>; <paramref name="allowedScripts"/> is the page's own script count.</summary>
    public static List<string> Violations(string html, int allowedScripts = 0, bool allowHeadStyle = false)
    {
        var document = Parser.ParseDocument(html);
        var found = new List<string>();
        var scripts = document.QuerySelectorAll("script").ToList();
        foreach (var script in scripts.Skip(allowedScripts))
        {
            found.Add("script: " + Clip(script.OuterHtml));
        }

        // The page's own scripts must not carry anything from the content either.
        found.AddRange(scripts.Take(allowedScripts).Where(s => Markers(s.OuterHtml).Count > 0).Select(s => "script: " + Clip(s.OuterHtml)));

        foreach (var element in document.All)
        {
            if (DangerousElements.Contains(element.LocalName) || (element.LocalName == "style" && !(allowHeadStyle && element.ParentElement?.LocalName == "head")))
            {
                found.Add($"<{element.LocalName}>: " + Clip(element.OuterHtml));
            }

            if (element.LocalName == "meta" && element.HasAttribute("http-equiv"))
            {
                found.Add("meta http-equiv: " + Clip(element.OuterHtml));
            }

            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name.ToLowerInvariant();
                var value = Squash(attribute.Value);
                if (name.StartsWith("on", StringComparison.Ordinal) || name == "srcdoc")
                {
                    found.Add($"{name}=: " + Clip(element.OuterHtml));
                }
                else if (UrlAttributes.Contains(name) && IsScriptUrl(value))
                {
                    found.Add($"{name}={value}: " + Clip(element.OuterHtml));
                }
                else if (name == "style" && (value.Contains("expression(", StringComparison.Ordinal) || value.Contains("javascript:", StringComparison.Ordinal) || value.Contains("url(", StringComparison.Ordinal)))
                {
                    found.Add("style=: " + Clip(element.OuterHtml));
                }
            }
        }

        return found;
    }

    /// <summary>Raw HTML or script links in Markdown, which most renderers pass straight through.</summary>
    public static List<string> MarkdownViolations(string markdown)
    {
        var found = new List<string>();
        found.AddRange(RawTag().Matches(markdown).Select(m => "raw html: " + Around(markdown, m.Index)));
        found.AddRange(ScriptLink().Matches(markdown).Select(m => "script link: " + Around(markdown, m.Index)));
        return found;
    }

    /// <summary>The xssN markers in a snippet, so a violation is charged to the vector that caused it.</summary>
    public static HashSet<int> Markers(string text) =>
        [.. Marker().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static bool IsScriptUrl(string squashed) =>
        squashed.StartsWith("javascript:", StringComparison.Ordinal) || squashed.StartsWith("vbscript:", StringComparison.Ordinal) || squashed.StartsWith("data:", StringComparison.Ordinal);

    /// <summary>Lower case without whitespace and control characters, as browsers ignore them inside a scheme.</summary>
    private static string Squash(string value) =>
        new([.. value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).Select(char.ToLowerInvariant)]);

    private static string Clip(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private static string Around(string text, int index) => Clip(text.Substring(Math.Max(0, index - 20), Math.Min(120, text.Length - Math.Max(0, index - 20))));

    // "](<" opens a link destination, not a tag.
    [GeneratedRegex(@"(?<!\]\()<\s*/?\s*[a-zA-Z!?]")]
    private static partial Regex RawTag();

    [GeneratedRegex(@"\]\(\s*<?\s*(javascript|vbscript|data)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptLink();

    [GeneratedRegex(@"xss(\d+)\b")]
    private static partial Regex Marker();
}
