using Npgsql;

namespace NewsDesk.Storage;

/// <summary>
/// An <see cref="ArticleQuery"/> as SQL conditions on the articles table. Filters match as LiteDB's do (themes, feeds,
/// parties and organisations case-insensitively, through the lower-cased key columns and their GIN indexes), except
/// the text: <c>q</c> is full-text search here (the generated tsvector column, 'simple' configuration: whole words,
/// any case, web-search syntax), where LiteDB looks for a substring.
/// </summary>
internal sealed class PostgresArticleFilter
{
    private readonly List<string> _conditions = [];

    public PostgresArticleFilter(ArticleQuery query)
    {
        DateColumn = query.DateField == ArticleDateField.Ingested ? "ingested" : "effective_date";
        var themes = query.Themes.Select(Key).ToArray();
        if (query.Since is { } since)
        {
            Add($"{DateColumn} >= @since", "since", since.ToUniversalTime());
        }

        if (query.Until is { } until)
        {
            Add($"{DateColumn} < @until", "until", until.ToUniversalTime());
        }

        if (themes.Length > 0)
        {
            Add("theme_keys && @themes", "themes", themes);
        }

        if (query.Feeds.Count > 0)
        {
            Add("lower(feed_id) = ANY(@feeds)", "feeds", query.Feeds.Select(Key).ToArray());
        }

        if (query.Party is { } party)
        {
            Add("party_keys @> ARRAY[@party]", "party", Key(party));
        }

        if (query.Organisation is { } organisation)
        {
            Add("organisation_keys @> ARRAY[@organisation]", "organisation", Key(organisation));
        }

        if (query.MinScore is { } minScore)
        {
            // At least one tag (among the asked themes, when there are some) scores this much.
            Add("EXISTS (SELECT 1 FROM jsonb_array_elements(tags) t WHERE (t->>'Score')::float8 >= @min_score"
                + (themes.Length > 0 ? " AND lower(t->>'Theme') = ANY(@themes))" : ")"), "min_score", minScore);
        }

        if (query.Story is { } story)
        {
            Add("story_id = @story", "story", story);
        }

        if (query.Text is { } text)
        {
            Add("search @@ websearch_to_tsquery('simple', @q)", "q", text);
            IsRanked = true;
        }
    }

    /// <summary>The column dates bound and order: published (else ingested), or ingested.</summary>
    public string DateColumn { get; }

    /// <summary>True when rows come best match first (a text search), not in date order.</summary>
    public bool IsRanked { get; }

    public List<NpgsqlParameter> Parameters { get; } = [];

    public string Where(string? more = null)
    {
        var all = more is null ? _conditions : [.. _conditions, more];
        return all.Count == 0 ? "" : "WHERE " + string.Join(" AND ", all);
    }

    /// <summary>How key columns hold names: lower-cased, so a filter matches whatever case it was typed in.</summary>
    internal static string Key(string name) => name.ToLowerInvariant();

    private void Add(string condition, string name, object value)
    {
        _conditions.Add(condition);
        Parameters.Add(new NpgsqlParameter(name, value));
    }
}
