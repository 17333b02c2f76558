using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsDesk.Evaluation.Feeds;

/// <summary>
/// Compares an expected corpus value with ours. Text policy: equal after collapsing whitespace, or after
/// decoding HTML entities, or after also removing tags (from the expected side alone, or from both) — the sources disagree on whether a title is
/// returned as HTML or as text, and NewsDesk's later stages do their own sanitising. Instants compare to the second.
/// </summary>
internal static partial class ValueComparer
{
    public static bool Matches(JsonElement expected, object? actual)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Null:
                return actual is null || actual is string { Length: 0 };
            case JsonValueKind.True or JsonValueKind.False:
                return actual is bool b && b == expected.GetBoolean();
            case JsonValueKind.Number:
                return actual is not null && string.Equals(Convert.ToString(actual, CultureInfo.InvariantCulture), expected.GetRawText(), StringComparison.Ordinal);
        }

        var text = expected.ValueKind == JsonValueKind.String ? expected.GetString()! : expected.GetRawText();
        return actual switch
        {
            null => text.Length == 0,
            DateTimeOffset instant => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e) && e.UtcDateTime == instant.UtcDateTime,
            string s => TextEquals(text, s),
            _ => TextEquals(text, Convert.ToString(actual, CultureInfo.InvariantCulture) ?? string.Empty),
        };
    }

    public static bool TextEquals(string expected, string actual)
    {
        if (Collapse(expected) == Collapse(actual))
        {
            return true;
        }

        if (Collapse(WebUtility.HtmlDecode(expected)) == Collapse(WebUtility.HtmlDecode(actual)))
        {
            return true;
        }

        // Expected HTML against our plain text (Atom html/xhtml titles): the text a reader sees of the expected markup.
        // Our side is not stripped again, since a plain-text title may name a tag ("History of the <blink> tag").
        var expectedText = Collapse(WebUtility.HtmlDecode(Tags().Replace(expected, string.Empty)));
        return expectedText == Collapse(actual) || expectedText == Collapse(WebUtility.HtmlDecode(Tags().Replace(actual, string.Empty)));
    }

    public static string Describe(object? value) => value switch
    {
        null => "null",
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    private static string Collapse(string s) => Whitespace().Replace(s.Replace('\u00a0', ' '), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();
}
