using AngleSharp.Dom;

namespace NewsDesk.Extraction;

/// <summary>The document side of an <see cref="ExtractRule"/>: parts removed, then the elements the body selector picks.</summary>
internal static class RuledContent
{
    /// <summary>Removes what the rule says to remove, from the whole page (the generic fallback then does not see it either).</summary>
    public static void RemoveParts(IDocument document, ExtractRule rule)
    {
        foreach (var selector in rule.Remove)
        {
            foreach (var element in document.QuerySelectorAll(selector).ToList())
            {
                element.Remove();
            }
        }
    }

    /// <summary>The outermost elements the body selector matches that have any text; empty when it finds none.</summary>
    public static List<IElement> Bodies(IDocument document, ExtractRule rule)
    {
        var matched = document.QuerySelectorAll(rule.Body).Where(e => !string.IsNullOrWhiteSpace(e.TextContent)).ToList();
        return [.. matched.Where(e => !matched.Any(other => other != e && other.Contains(e)))];
    }
}
