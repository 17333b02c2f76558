using System.Text.Json;
using NewsDesk.Stories;
using NewsDesk.Summaries;
using NewsDesk.Tagging;
using Npgsql;

namespace NewsDesk.Storage;

/// <summary>
/// How an <see cref="Article"/> maps to a row of the articles table: one column per field, lists as text[], tags,
/// summary and story signature as jsonb, and what queries and exports need derived once, at write: the lower-cased key
/// columns filters use, the maximum score, the summary text and the evidence as the export writes it.
/// </summary>
internal static class PostgresArticleRow
{
    /// <summary>Every stored column, in the order <see cref="Values"/> gives them.</summary>
    public static readonly string[] Columns =
    [
        "id", "schema_version", "feed_id", "source_kind", "source", "url", "entry_id", "title", "byline", "published",
        "modified", "ingested", "last_updated", "description", "language", "lead_image", "text", "html", "text_source",
        "fallback_reason", "content_hash", "entry_fingerprint", "tags", "evidence", "max_score", "themes", "parties",
        "countries", "organisations", "theme_keys", "party_keys", "organisation_keys", "summary", "summary_text",
        "summary_method", "story_id", "story_signature", "story_keys", "taxonomy_version", "link",
    ];

    /// <summary>What <see cref="Read"/> reads, whole.</summary>
    public const string Select =
        "id, schema_version, feed_id, source_kind, source, url, entry_id, title, byline, published, modified, ingested, " +
        "last_updated, description, language, lead_image, text, html, text_source, fallback_reason, content_hash, " +
        "entry_fingerprint, tags, themes, parties, countries, organisations, summary, story_id, story_signature, story_keys, " +
        "taxonomy_version, link";

    /// <summary>What a headline is read with: no text, HTML, description or story signature and keys.</summary>
    public const string SelectHeadline =
        "id, schema_version, feed_id, source_kind, source, url, entry_id, title, byline, published, modified, ingested, " +
        "last_updated, NULL::text, language, lead_image, '', '', text_source, fallback_reason, content_hash, " +
        "entry_fingerprint, tags, themes, parties, countries, organisations, summary, story_id, NULL::jsonb, '{}'::text[], " +
        "taxonomy_version, link";

    /// <summary>The parameter values of <see cref="Columns"/> for <paramref name="article"/>.</summary>
    public static NpgsqlParameter[] Values(Article article) =>
    [
        new() { Value = article.Id },
        new() { Value = article.SchemaVersion },
        new() { Value = article.FeedId },
        new() { Value = article.SourceKind },
        Text(article.Source),
        new() { Value = article.Url },
        Text(article.EntryId),
        new() { Value = article.Title },
        Text(article.Byline),
        Instant(article.Published),
        Instant(article.Modified),
        Instant(article.Ingested),
        Instant(article.LastUpdated),
        Text(article.Description),
        Text(article.Language),
        Text(article.LeadImage),
        new() { Value = article.Text },
        new() { Value = article.Html },
        new() { Value = article.TextSource },
        Text(article.FallbackReason),
        new() { Value = article.ContentHash },
        new() { Value = article.EntryFingerprint },
        PostgresNewsStore.Jsonb(article.Tags),
        new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Json, Value = EvidenceJson.Of(article.Tags).GetRawText() },
        new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double, Value = article.Tags.Length == 0 ? DBNull.Value : Math.Round(article.Tags.Max(t => t.Score), 4) },
        new() { Value = article.Themes },
        new() { Value = article.Parties },
        new() { Value = article.Countries },
        new() { Value = article.Organisations },
        new() { Value = Keys(article.Themes) },
        new() { Value = Keys([.. article.Parties, .. article.Countries]) },
        new() { Value = Keys(article.Organisations) },
        PostgresNewsStore.Jsonb(article.Summary),
        new() { Value = article.Summary.Text },
        new() { Value = article.Summary.Method },
        Text(article.StoryId),
        article.StorySignature is null ? new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb, Value = DBNull.Value } : PostgresNewsStore.Jsonb(article.StorySignature),
        new() { Value = article.StoryKeys },
        Text(article.TaxonomyVersion),
        Text(article.Link),
    ];

    /// <summary>An article from a row read with <see cref="Select"/> or <see cref="SelectHeadline"/>.</summary>
    public static Article Read(NpgsqlDataReader row) => new()
    {
        Id = row.GetString(0),
        SchemaVersion = row.GetInt32(1),
        FeedId = row.GetString(2),
        SourceKind = row.GetString(3),
        Source = Text(row, 4),
        Url = row.GetString(5),
        EntryId = Text(row, 6),
        Title = row.GetString(7),
        Byline = Text(row, 8),
        Published = Instant(row, 9),
        Modified = Instant(row, 10),
        Ingested = row.GetFieldValue<DateTimeOffset>(11),
        LastUpdated = row.GetFieldValue<DateTimeOffset>(12),
        Description = Text(row, 13),
        Language = Text(row, 14),
        LeadImage = Text(row, 15),
        Text = row.GetString(16),
        Html = row.GetString(17),
        TextSource = row.GetString(18),
        FallbackReason = Text(row, 19),
        ContentHash = row.GetString(20),
        EntryFingerprint = row.GetString(21),
        Tags = JsonSerializer.Deserialize<ThemeTag[]>(row.GetString(22), PostgresNewsStore.Json) ?? [],
        Themes = row.GetFieldValue<string[]>(23),
        Parties = row.GetFieldValue<string[]>(24),
        Countries = row.GetFieldValue<string[]>(25),
        Organisations = row.GetFieldValue<string[]>(26),
        Summary = JsonSerializer.Deserialize<Summary>(row.GetString(27), PostgresNewsStore.Json) ?? new(),
        StoryId = Text(row, 28),
        StorySignature = row.IsDBNull(29) ? null : JsonSerializer.Deserialize<StorySignature>(row.GetString(29), PostgresNewsStore.Json),
        StoryKeys = row.GetFieldValue<string[]>(30),
        TaxonomyVersion = Text(row, 31),
        Link = Text(row, 32),
    };

    private static string[] Keys(IEnumerable<string> names) => [.. names.Select(PostgresArticleFilter.Key).Distinct(StringComparer.Ordinal)];

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Instant(DateTimeOffset? value) =>
        new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz, Value = value is { } instant ? instant.ToUniversalTime() : DBNull.Value };

    private static string? Text(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static DateTimeOffset? Instant(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetFieldValue<DateTimeOffset>(ordinal);
}
