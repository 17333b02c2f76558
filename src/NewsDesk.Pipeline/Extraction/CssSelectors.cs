using AngleSharp.Css.Parser;

namespace NewsDesk.Extraction;

/// <summary>CSS selectors as AngleSharp reads them, checked once when feeds.json is loaded rather than on every page.</summary>
public static class CssSelectors
{
    private static readonly CssSelectorParser Parser = new();

    public static bool IsValid(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return false;
        }

        try
        {
            return Parser.ParseSelector(selector) is not null;
        }
        catch (AngleSharp.Dom.DomException)
        {
            return false;
        }
    }
}
