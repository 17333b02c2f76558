using System.Text.Json;

namespace NewsDesk.Retagging;

/// <summary>
/// Where a retag has got to, saved in the store as the named record <see cref="RecordName"/> after every batch, so a
/// killed run (or a worker restart) continues after the last article it finished instead of starting again. Articles
/// are visited in the store's query order (date, then id), which a retag does not change, so the last one done is a
/// position. A run resumes only the same scope with the same taxonomy; anything else starts afresh.
/// </summary>
public sealed class RetagCheckpoint
{
    public const string RecordName = "retag";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DateTimeOffset? Since { get; set; }
    public string? Feed { get; set; }
    public string TaxonomyVersion { get; set; } = "";
    public DateTimeOffset Started { get; set; }
    /// <summary>Set when the run went through every article of its scope.</summary>
    public DateTimeOffset? Finished { get; set; }
    /// <summary>How many articles the scope held when the run started (for progress; ingest may add more).</summary>
    public int Total { get; set; }
    /// <summary>The date (<see cref="Storage.Article.EffectiveDate"/>) and id of the last article done, or null before the first.</summary>
    public DateTimeOffset? AfterDate { get; set; }
    public string? AfterId { get; set; }
    public RetagSummary Summary { get; set; } = new();

    /// <summary>
    /// The batch under way: each article's tags and story as they were before this run touched it, saved before the
    /// batch is committed. A run killed mid-batch has committed some of it after the last saved position; when the
    /// next run does those again it compares with what is here, not with what the killed run wrote, so the summary
    /// still counts each change once.
    /// </summary>
    public Dictionary<string, RetagBefore> Pending { get; set; } = new(StringComparer.Ordinal);

    public bool Continues(RetagScope scope, string taxonomyVersion) =>
        Finished is null && Since == scope.Since && string.Equals(Feed, scope.Feed, StringComparison.OrdinalIgnoreCase) && TaxonomyVersion == taxonomyVersion;

    public static RetagCheckpoint? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RetagCheckpoint>(value, Json);
        }
        catch (JsonException)
        {
            // A record this NewsDesk cannot read (written by another version) only costs starting afresh.
            return null;
        }
    }

    public string Serialize() => JsonSerializer.Serialize(this, Json);
}
