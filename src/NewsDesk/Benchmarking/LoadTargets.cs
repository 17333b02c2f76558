using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsDesk.Benchmarking;

/// <summary>
/// The read API paths `bench load` requests, in a fixed rotation. Article ids and digest dates are discovered from the
/// worker itself (first page of /api/articles, /digests.atom), and ids are refreshed while an ingest adds articles.
/// </summary>
public sealed partial class LoadTargets
{
    private static readonly string[] Fixed =
    [
        "/api/articles?format=json",
        "/api/articles?format=csv",
        "/api/articles?format=jsonl",
        "/api/stories",
        "/api/feeds",
        "/",
    ];

    private volatile string[] _ids = [];
    private string[] _digestDates = [];

    /// <summary>Endpoints not exercised, and why (no articles yet, no digest stored).</summary>
    public List<string> Skipped { get; } = [];

    public async Task DiscoverAsync(HttpClient client, CancellationToken ct)
    {
        await RefreshIdsAsync(client, ct).ConfigureAwait(false);
        var atom = await client.GetStringAsync("/digests.atom", ct).ConfigureAwait(false);
        _digestDates = [.. DigestLink().Matches(atom).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];
        if (_digestDates.Length == 0)
        {
            Skipped.Add("/api/digests/{date}: the store holds no digest (make one with `digest --date`)");
        }
    }

    public async Task RefreshIdsAsync(HttpClient client, CancellationToken ct)
    {
        using var page = JsonDocument.Parse(await client.GetStringAsync("/api/articles?format=json&page_size=200", ct).ConfigureAwait(false));
        _ids = [.. page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
    }

    /// <summary>The path for request number <paramref name="n"/>: each fixed endpoint, one article, one digest, in turn.</summary>
    public string Path(long n)
    {
        var ids = _ids;
        var slots = Fixed.Length + 1 + (_digestDates.Length > 0 ? 1 : 0);
        var slot = (int)(n % slots);
        if (slot < Fixed.Length)
        {
            return Fixed[slot];
        }

        var turn = (int)(n / slots);
        if (slot == Fixed.Length)
        {
            return ids.Length == 0 ? "/api/feeds" : "/api/articles/" + Uri.EscapeDataString(ids[turn % ids.Length]);
        }

        return "/api/digests/" + _digestDates[turn % _digestDates.Length] + (turn % 2 == 0 ? "" : "?format=json");
    }

    /// <summary>Groups paths for the per-endpoint table: the id or date is replaced by a placeholder.</summary>
    public static string Endpoint(string path) => path switch
    {
        _ when path.StartsWith("/api/articles/", StringComparison.Ordinal) => "/api/articles/{id}",
        _ when path.StartsWith("/api/digests/", StringComparison.Ordinal) => "/api/digests/{date}" + (path.Contains('?', StringComparison.Ordinal) ? "?format=json" : ""),
        _ => path,
    };

    [GeneratedRegex(@"/api/digests/(\d{4}-\d{2}-\d{2})")]
    private static partial Regex DigestLink();
}
