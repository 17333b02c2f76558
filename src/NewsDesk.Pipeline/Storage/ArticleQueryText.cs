using System.Globalization;

namespace NewsDesk.Storage;

/// <summary>
/// Builds an <see cref="ArticleQuery"/> from the text filters users type (CLI options or API query parameters), so
/// `export` and `GET /api/articles` accept exactly the same filters. A bad value names the filter it came from.
/// </summary>
public static class ArticleQueryText
{
    public static ArticleQuery Parse(
        IReadOnlyList<string>? themes = null,
        string? since = null,
        string? until = null,
        string? dateField = null,
        IReadOnlyList<string>? feeds = null,
        string? party = null,
        string? organisation = null,
        string? minScore = null,
        string? story = null,
        string? text = null) => new()
        {
            Themes = Split(themes),
            Since = Instant(since, "since"),
            Until = Instant(until, "until"),
            DateField = dateField switch
            {
                null or "" or "published" => ArticleDateField.Published,
                "ingested" => ArticleDateField.Ingested,
                _ => throw new FormatException($"date field \"{dateField}\" is not published or ingested."),
            },
            Feeds = Split(feeds),
            Party = Blank(party),
            Organisation = Blank(organisation),
            MinScore = minScore is null or "" ? null
                : double.TryParse(minScore, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 1 ? score
                : throw new FormatException($"min score \"{minScore}\" is not a number from 0 to 1 (tag scores are 0 to 1; a tag at its theme's threshold scores 0.5)."),
            Story = Blank(story),
            Text = Blank(text),
        };

    /// <summary>
    /// An ISO 8601 instant as the message promises and nothing looser: the invariant culture's parser also took
    /// "01/11/2026" (as 11 January) and "Nov 20 2026". Seconds, fractions and the offset are optional; no offset is UTC.
    /// </summary>
    private static readonly System.Text.RegularExpressions.Regex Iso8601 = new(
        @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>A date (yyyy-MM-dd, taken as UTC midnight) or an ISO 8601 instant.</summary>
    public static DateTimeOffset? Instant(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return Iso8601.IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new FormatException($"{name} \"{value}\" is not a date (yyyy-MM-dd) or an ISO 8601 instant.");
    }

    /// <summary>Repeated values and comma-separated lists both work: theme=a&amp;theme=b or theme=a,b.</summary>
    private static string[] Split(IReadOnlyList<string>? values) =>
        values is null ? [] : [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
