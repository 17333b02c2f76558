namespace NewsDesk.Filtering;

/// <summary>What rules are checked against: the entry's title and link, its texts (the feed's, then the page's), its themes and language.</summary>
public sealed record FilterSubject(string? Title, string? Link, IReadOnlyList<string?> Texts, IReadOnlyList<string> Themes, string? Language);
