using System.Globalization;
using NewsDesk.Digests;
using NewsDesk.Storage;

namespace NewsDesk.Api;

/// <summary>
/// Digests served by the worker: GET /api/digests/{date}?format=html|md|json and GET /digests.atom. The stored HTML
/// was sanitised when it was rendered.
/// </summary>
public static class DigestEndpoints
{
    private const int AtomEntries = 60;

    public static void MapDigestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/digests/{date}", (string date, string? format, NewsStore store) =>
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return Results.BadRequest(new { error = $"date \"{date}\" is not yyyy-MM-dd" });
            }

            var digest = store.GetDigest(date);
            if (digest is null)
            {
                return Results.NotFound(new { error = $"no digest for {date}; make one with `digest --date {date}`" });
            }

            return (format ?? "html") switch
            {
                "html" => Results.Content(digest.Html, "text/html; charset=utf-8"),
                "md" => Results.Content(digest.Markdown, "text/markdown; charset=utf-8"),
                "json" => Results.Content(digest.Json, "application/json; charset=utf-8"),
                _ => Results.BadRequest(new { error = $"format \"{format}\" is not html, md or json" }),
            };
        });

        app.MapGet("/digests.atom", (HttpRequest request, NewsStore store, TimeProvider time) =>
        {
            var origin = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
            var xml = DigestAtomFeed.Render(store.Digests(AtomEntries), origin, time.GetUtcNow());
            return Results.Content(xml, "application/atom+xml; charset=utf-8");
        });
    }
}
