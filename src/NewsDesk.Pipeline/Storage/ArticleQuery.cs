namespace NewsDesk.Storage;

/// <summary>Filters shared by export, the digest and the read API. Every filter is optional; all that are set must hold.</summary>
public sealed record ArticleQuery
{
    /// <summary>Any of these themes.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];
    /// <summary>Inclusive lower bound on <see cref="DateField"/>.</summary>
    public DateTimeOffset? Since { get; init; }
    /// <summary>Exclusive upper bound on <see cref="DateField"/>.</summary>
    public DateTimeOffset? Until { get; init; }
    public ArticleDateField DateField { get; init; } = ArticleDateField.Published;
    /// <summary>Any of these feed ids.</summary>
    public IReadOnlyList<string> Feeds { get; init; } = [];
    /// <summary>A party or country (canonical name, case-insensitive).</summary>
    public string? Party { get; init; }
    public string? Organisation { get; init; }
    /// <summary>At least one tag (among <see cref="Themes"/> when set) scores this much.</summary>
    public double? MinScore { get; init; }
    public string? Story { get; init; }
    /// <summary>Case-insensitive substring of the title or text.</summary>
    public string? Text { get; init; }
    public int? Limit { get; init; }
}
