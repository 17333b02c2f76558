using System.Diagnostics;
using System.Text;
using System.Text.Json;
using NewsDesk.Parsing;

namespace NewsDesk.Evaluation.Feeds;

/// <summary>Runs cases.jsonl of the feed conformance corpus through FeedParser and checks every comparable expectation.</summary>
internal sealed class FeedConformanceEvaluator(Func<byte[], string?, Uri?, ParsedFeed> parse)
{
    public FeedConformanceEvaluator(FeedParser parser)
        : this(parser.Parse)
    {
        Parser = parser;
    }

    /// <summary>The parser under test when it is FeedParser, for its FeedReader/fallback counts.</summary>
    public FeedParser? Parser { get; }

    private static readonly HashSet<string> NeverComparable = ["outcome", "forbidden_requests"];

    public IReadOnlyList<CaseResult> Run(string dataDir) =>
        [.. ConformanceCase.Load(Path.Combine(dataDir, "cases.jsonl")).Select(c => Evaluate(c, dataDir))];

    public CaseResult Evaluate(ConformanceCase c, string dataDir)
    {
        ParsedFeed? feed = null;
        Exception? error = null;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            feed = parse(File.ReadAllBytes(Path.Combine(dataDir, c.File)), c.ContentType, c.BaseUrl);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        stopwatch.Stop();

        // The parser's safety net wraps adapter bugs in FeedParseException; count those as unexpected too.
        var unexpected = error is not null and not FeedParseException || error?.InnerException is not null and not FeedParseException and not JsonException and not System.Xml.XmlException;
        var mismatches = new List<string>();
        var comparable = 0;
        foreach (var (key, expected) in c.Expect)
        {
            bool? ok = Check(FeedparserKey(c, key), expected, feed, error, stopwatch.Elapsed, out var actual);
            if (ok is null)
            {
                continue;
            }

            comparable++;
            if (ok == false)
            {
                mismatches.Add($"{key}: expected {Truncate(expected.ToString())} got {Truncate(actual)}");
            }
        }

        return new CaseResult(c.Id, c.Category, comparable > 0, comparable > 0 && mismatches.Count == 0, mismatches, error?.Message, unexpected);
    }

    /// <summary>
    /// Source conventions: feedparser's entry "summary" falls back to the content; its one-line "author"
    /// is "Name (email)", while the others write the names only.
    /// </summary>
    private static string FeedparserKey(ConformanceCase c, string key)
    {
        if (c.Semantics == "feedparser")
        {
            return key.StartsWith("items[", StringComparison.Ordinal) && key.EndsWith("].summary", StringComparison.Ordinal)
                ? key[..^"summary".Length] + "summary_or_content"
                : key;
        }

        return key.EndsWith(".author", StringComparison.Ordinal) ? key + "_names" : key;
    }

    /// <returns>true/false when comparable, null when NewsDesk has no such field.</returns>
    private static bool? Check(string key, JsonElement expected, ParsedFeed? feed, Exception? error, TimeSpan elapsed, out string actual)
    {
        actual = error is null ? string.Empty : $"exception: {error.Message}";
        switch (key)
        {
            case "error":
                actual = error is null ? "parsed" : "error";
                return error is FeedParseException == expected.GetBoolean();
            case "max_seconds":
                actual = $"{elapsed.TotalSeconds:F2}s";
                return elapsed.TotalSeconds <= expected.GetDouble();
            case "max_expanded_chars":
                actual = $"{AllText(feed).Length} chars";
                return AllText(feed).Length <= expected.GetInt64();
            case "forbidden_substrings":
                return expected.EnumerateArray().All(s => !AllText(feed).Contains(s.GetString()!, StringComparison.Ordinal));
            case "decoded_contains":
                return AllText(feed).Contains(expected.GetString()!, StringComparison.Ordinal);
        }

        if (NeverComparable.Contains(key) || !ExpectationReader.TryRead(feed ?? Empty, key, out var value))
        {
            return null;
        }

        if (feed is null)
        {
            return false;
        }

        actual = ValueComparer.Describe(value);
        return key switch
        {
            "format" => FormatFamily(expected.GetString()) == FormatFamily(value as string),
            "feed.language" or "encoding" => string.Equals(expected.GetString() ?? string.Empty, value as string ?? string.Empty, StringComparison.OrdinalIgnoreCase),
            _ => ValueComparer.Matches(expected, value),
        };
    }

    /// <summary>
    /// The README allows comparing by family where sources name versions differently: gofeed's "rss091"
    /// vs feedparser's rss091u/rss091n, "rss201"/"rss21" vs rss20.
    /// </summary>
    private static string? FormatFamily(string? format) => format switch
    {
        null => null,
        _ when format.StartsWith("rss09", StringComparison.Ordinal) && format.Length > 6 => format[..6],
        _ when format.StartsWith("rss2", StringComparison.Ordinal) => "rss2",
        _ => format,
    };

    private static readonly ParsedFeed Empty = new() { Format = string.Empty, Entries = [] };

    private static string AllText(ParsedFeed? feed)
    {
        if (feed is null)
        {
            return string.Empty;
        }

        var sb = new StringBuilder().AppendLine(feed.Title).AppendLine(feed.Description).AppendLine(feed.Copyright);
        foreach (var e in feed.Entries)
        {
            sb.AppendLine(e.Title).AppendLine(e.Summary).AppendLine(e.Content).AppendLine(e.Author);
        }

        return sb.ToString();
    }

    private static string Truncate(string? s) => s is null ? "null" : s.Length > 120 ? s[..120] + "…" : s;
}
