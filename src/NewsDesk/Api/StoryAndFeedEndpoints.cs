using Microsoft.Extensions.Options;
using NewsDesk.Digests;
using NewsDesk.Hosting;
using NewsDesk.Storage;

namespace NewsDesk.Api;

/// <summary>GET /api/stories?date= (a day's stories, ranked as in the digest) and GET /api/feeds (each feed's status).</summary>
public static class StoryAndFeedEndpoints
{
    public static void MapStoryAndFeedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stories", (string? date, DigestBuilder builder, IOptions<DigestOptions> options, TimeProvider time) =>
        {
            var zone = options.Value.Zone();
            DateOnly day;
            if (date is null)
            {
                day = options.Value.Today(time);
            }
            else if (!DigestDay.TryParse(date, out day, out var problem))
            {
                return Results.BadRequest(new { error = $"date {problem}" });
            }

            var digest = builder.Current(day, zone);
            var stories = digest.Sections.SelectMany(s => s.Entries.Select(e => new
            {
                e.StoryId,
                section = s.Theme,
                e.Headline,
                e.Url,
                e.Source,
                e.SourceKind,
                e.Published,
                themes = e.Tags.Select(t => t.Theme),
                e.Parties,
                summary = e.Summary.Text,
                summaryMethod = e.Summary.Method,
                e.AlsoReportedBy,
            }));
            return Results.Json(new { date = digest.Date, timeZone = digest.TimeZone, stories }, ApiJson.Options);
        });

        app.MapGet("/api/feeds", (FeedRegistry feeds, INewsStore store) => Results.Json(
            feeds.All.Select(f =>
            {
                var state = store.GetFeedState(f.Id);
                return new
                {
                    f.Id,
                    f.Title,
                    url = f.Url.AbsoluteUri,
                    kind = f.Kind.ToString().ToLowerInvariant(),
                    schedule = f.Schedule.ToString(),
                    f.Enabled,
                    lastAttempt = state?.LastAttempt,
                    lastSuccess = state?.LastSuccess,
                    nextAttempt = state?.NextAttempt,
                    consecutiveFailures = state?.ConsecutiveFailures ?? 0,
                    lastError = state?.ConsecutiveFailures > 0 ? state.LastError : null,
                    lastErrorKind = state?.ConsecutiveFailures > 0 ? state.LastErrorKind : null,
                    lastCounts = state?.LastCounts,
                };
            }),
            ApiJson.Options));
    }
}
