using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsDesk.Desks;
using NewsDesk.Digests;
using NewsDesk.Hosting;
using NewsDesk.Storage;

namespace NewsDesk.Api;

/// <summary>
/// Digests served by the worker: GET /api/digests/{date}?format=html|md|json[&amp;desk=ID] and GET /digests.atom[?desk=ID] (one
/// feed per desk), whose links start
/// at <see cref="PublicBaseUrl"/> and which answers ETag and Last-Modified with 304 on a repeat. The stored HTML was
/// sanitised when it was rendered.
/// </summary>
public static class DigestEndpoints
{
    private const int AtomEntries = 60;

    public static void MapDigestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/digests/{date}", (string date, string? format, string? desk, INewsStore store, IOptions<DigestOptions> digestOptions) =>
        {
            // The days `digest --date` accepts: a 404 for 9999-12-31 told the reader to make one with a command that
            // refuses that date.
            if (!DigestDay.TryParse(date, out _, out var problem))
            {
                return Results.BadRequest(new { error = "date " + problem });
            }

            if (desk is not null && digestOptions.Value.FindDesk(desk) is null)
            {
                return Results.NotFound(new { error = $"no desk \"{desk}\" in {DeskValidation.Section}" });
            }

            var digest = store.GetDigest(DeskDigestId.For(date, desk));
            if (digest is null)
            {
                var command = desk is null ? $"digest --date {date}" : $"digest --date {date} --desk {desk}";
                return Results.NotFound(new { error = $"no digest for {date}{(desk is null ? "" : $" on desk {desk}")}; make one with `{command}`" });
            }

            return (format ?? "html") switch
            {
                "html" => Results.Content(digest.Html, "text/html; charset=utf-8"),
                "md" => Results.Content(digest.Markdown, "text/markdown; charset=utf-8"),
                "json" => Results.Content(digest.Json, "application/json; charset=utf-8"),
                _ => Results.BadRequest(new { error = $"format \"{format}\" is not html, md or json" }),
            };
        });

        app.MapGet("/digests.atom", (HttpContext context, string? desk, INewsStore store, IOptions<NewsDeskOptions> options, IOptions<DigestOptions> digestOptions, IServer server) =>
        {
            if (desk is not null && digestOptions.Value.FindDesk(desk) is null)
            {
                return Results.NotFound(new { error = $"no desk \"{desk}\" in {DeskValidation.Section}" });
            }

            // Every desk's digests share the collection, newest first: read enough for each to have its full count.
            var digests = store.Digests(AtomEntries * (digestOptions.Value.Desks.Count + 1))
                .Where(d => DeskDigestId.Split(d.Id).Desk == desk)
                .Take(AtomEntries)
                .ToList();
            var xml = DigestAtomFeed.Render(digests, PublicBaseUrl.Of(options.Value, server), desk);
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
