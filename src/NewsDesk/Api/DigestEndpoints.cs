using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsDesk.Digests;
using NewsDesk.Hosting;
using NewsDesk.Storage;

namespace NewsDesk.Api;

/// <summary>
/// Digests served by the worker: GET /api/digests/{date}?format=html|md|json and GET /digests.atom, whose links start
/// at <see cref="PublicBaseUrl"/> and which answers ETag and Last-Modified with 304 on a repeat. The stored HTML was
/// sanitised when it was rendered.
/// </summary>
public static class DigestEndpoints
{
    private const int AtomEntries = 60;

    public static void MapDigestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/digests/{date}", (string date, string? format, INewsStore store) =>
        {
            // The days `digest --date` accepts: a 404 for 9999-12-31 told the reader to make one with a command that
            // refuses that date.
            if (!DigestDay.TryParse(date, out _, out var problem))
            {
                return Results.BadRequest(new { error = "date " + problem });
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

        app.MapGet("/digests.atom", (HttpContext context, INewsStore store, IOptions<NewsDeskOptions> options, IServer server) =>
        {
            var digests = store.Digests(AtomEntries);
            var xml = DigestAtomFeed.Render(digests, PublicBaseUrl.Of(options.Value, server));
            // Feed readers poll: the validators let a repeat request cost a 304 and no body.
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml)))[..32]}\"");
            var updated = DigestAtomFeed.Updated(digests);
            var headers = context.Response.GetTypedHeaders();
            headers.ETag = etag;
            headers.LastModified = updated;
            return NotModified(context.Request.GetTypedHeaders(), etag, updated)
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Content(xml, "application/atom+xml; charset=utf-8");
        });
    }

    /// <summary>If-None-Match decides when it is sent (RFC 9110, 13.2.2); otherwise If-Modified-Since, to the second.</summary>
    private static bool NotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset updated)
    {
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        }

        var lastModified = updated.AddTicks(-(updated.Ticks % TimeSpan.TicksPerSecond));
        return request.IfModifiedSince is { } since && lastModified <= since;
    }
}
