using NewsDesk.Hosting;
using NewsDesk.Retagging;
using NewsDesk.Storage;

namespace NewsDesk.Api;

/// <summary>
/// POST /api/admin/retag[?since=DATE&amp;feed=ID] starts `retag` inside the running worker (202, or 409 while one runs);
/// GET /api/admin/retag reports its progress and summary. Direct loopback callers only, as the other admin endpoints:
/// a retag rewrites every article it reaches.
/// </summary>
public static class RetagEndpoints
{
    private const string Path = "/api/admin/retag";

    public static void MapRetagEndpoints(this WebApplication app)
    {
        // Made at the first request: building it opens the store, which the worker does when it starts, not when it maps routes.
        var background = new Lazy<BackgroundRetag>(() => ActivatorUtilities.CreateInstance<BackgroundRetag>(app.Services,
            ActivatorUtilities.CreateInstance<Retagger>(app.Services)));

        app.MapPost(Path, (HttpContext context, INewsStore store, IServiceProvider services) =>
        {
            if (!AdminEndpoints.FromThisMachine(context))
            {
                return AdminEndpoints.NotFromThisMachine();
            }

            RetagScope scope;
            try
            {
                var q = context.Request.Query;
                // A misspelt "sinse" would otherwise retag every article: refused, as /api/articles refuses one.
                if (q.Keys.FirstOrDefault(k => k is not ("since" or "feed")) is { } unknown)
                {
                    return Results.BadRequest(new { error = $"\"{unknown}\" is not a parameter of {Path}; the parameters are since, feed" });
                }

                var feed = string.IsNullOrWhiteSpace(q["feed"]) ? null : q["feed"].ToString();
                scope = new RetagScope(ArticleQueryText.Instant(q["since"], "since"), feed);
                if (feed is not null)
                {
                    QueryNames.Check(new ArticleQuery { Feeds = [feed] }, services, store);
                }
            }
            catch (FormatException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }

            var retag = background.Value;
            return retag.TryStart(scope)
                ? Results.Accepted(Path, retag.Status())
                : Results.Problem("a retag is running already, in this worker or another process on the store; GET " + Path + " shows this worker's", statusCode: StatusCodes.Status409Conflict);
        });

        app.MapGet(Path, (HttpContext context) => AdminEndpoints.FromThisMachine(context)
            ? Results.Ok(background.Value.Status())
            : AdminEndpoints.NotFromThisMachine());
    }
}
