using System.Text.RegularExpressions;

namespace NewsDesk.Filtering;

/// <summary>Where a phrase or pattern is looked for.</summary>
[Flags]
public enum FilterField
{
    Title = 1,
    Text = 2,
    Link = 4,
}

/// <summary>
/// One keep or drop rule from feeds.json: a phrase (case-insensitive, whole words) or a regular expression on the
/// title, text or link; or a theme the tagger found; or the article's language. <see cref="Describe"/> is how a dropped
/// item records the rule that dropped it.
/// </summary>
public sealed record FilterRule
{
    public required bool Keep { get; init; }
    public Regex? Pattern { get; init; }
    public string? Source { get; init; }
    public FilterField Fields { get; init; } = FilterField.Title | FilterField.Text;
    public string? Theme { get; init; }
    public string? Language { get; init; }

    /// <summary>True when only the entry (title, link, the feed's text) is needed: such a drop rule can act before the page is fetched.</summary>
    public bool NeedsOnlyTheEntry => Pattern is not null && !Keep;

    public bool Matches(FilterSubject subject) => this switch
    {
        { Pattern: { } pattern } => (Fields.HasFlag(FilterField.Title) && IsMatch(pattern, subject.Title))
            || (Fields.HasFlag(FilterField.Text) && subject.Texts.Any(t => IsMatch(pattern, t)))
            || (Fields.HasFlag(FilterField.Link) && IsMatch(pattern, subject.Link)),
        { Theme: { } theme } => subject.Themes.Contains(theme, StringComparer.OrdinalIgnoreCase),
        { Language: { } language } => subject.Language is { } lang
            && (lang.Equals(language, StringComparison.OrdinalIgnoreCase) || lang.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };

    public string Describe() => (Keep ? "keep " : "drop ") + this switch
    {
        { Theme: { } theme } => $"theme {theme}",
        { Language: { } language } => $"language {language}",
        _ => $"{Source} in {Fields.ToString().ToLowerInvariant()}",
    };

    private static bool IsMatch(Regex pattern, string? text)
    {
        try
        {
            return text is not null && pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern that takes this long on one article is not a match; the article is kept, not lost.
            return false;
        }
    }
}
