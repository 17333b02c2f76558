using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using NewsDesk.Digests;

namespace NewsDesk.Api;

/// <summary>
/// GET / : a plain page for editors with a day's digest (?date=yyyy-MM-dd; by default today, or the newest day with
/// news when today has none yet, which the page says), theme filter buttons and links to the other formats. No
/// front-end build: the digest body is the sanitised HTML rendering, and the only script is the filter below, which is
/// NewsDesk's own.
/// </summary>
public static class EditorPage
{
    private const string Script = """
        document.querySelectorAll('#filters button').forEach(function (button) {
          button.addEventListener('click', function () {
            var theme = button.getAttribute('data-filter');
            document.querySelectorAll('#digest section[data-theme]').forEach(function (section) {
              section.hidden = theme !== 'all' && section.getAttribute('data-theme') !== theme;
            });
            document.querySelectorAll('#filters button').forEach(function (other) {
              other.setAttribute('aria-pressed', other === button ? 'true' : 'false');
            });
          });
        });
        """;

    /// <summary>How far back the default page looks for a day with news when today has none.</summary>
    public const int LookBackDays = 31;

    public static void MapEditorPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (string? date, string? desk, DigestBuilder builder, IOptions<DigestOptions> options, TimeProvider time) =>
        {
            // An unknown desk shows the default digest and says so, as an unknown date does.
            var profile = desk is null ? null : options.Value.FindDesk(desk);
            var zone = options.Value.Zone(profile);
            var today = options.Value.Today(time);
            // A date the page cannot show is said above the day shown instead: shown silently, `?date=2026-02-30`
            // looked like that day's digest.
            string? refused = null;
            DateOnly? asked = null;
            if (!string.IsNullOrEmpty(date))
            {
                if (DigestDay.TryParse(date, out var parsed, out var problem))
                {
                    asked = parsed;
                }
                else
                {
                    refused = "date " + problem;
                }
            }

            var day = asked ?? today;
            var digest = builder.Current(day, zone, profile, options.Value.ListUntagged);
            string? notice = desk is not null && profile is null ? $"There is no desk \"{desk}\": showing all desks' news." : null;
            // Articles are dated by publication, so a morning's ingest of yesterday's news leaves "today" empty; an
            // editor opening the page wants that news, and to be told it is not today's.
            if (asked is null && digest.ArticleCount == 0 && builder.NewestDayWithNews(today.AddDays(-1), zone, LookBackDays) is { } newest)
            {
                notice = string.Create(CultureInfo.InvariantCulture, $"No news dated today ({today:yyyy-MM-dd}) yet: showing {newest:yyyy-MM-dd}, the newest day with news.");
                day = newest;
                digest = builder.Current(day, zone, profile, options.Value.ListUntagged);
            }

            if (refused is not null)
            {
                notice = string.Create(CultureInfo.InvariantCulture, $"The {refused}. {notice ?? $"Showing today ({today:yyyy-MM-dd})."}");
            }

            return Results.Content(Render(digest, day, zone, options.Value.ShowEvidence, notice, options.Value.Desks.Select(d => (d.Id, d.DisplayName)).ToList()), "text/html; charset=utf-8");
        });
    }

    /// <param name="notice">Said above the digest when the page shows another day than the one asked for.</param>
    /// <param name="desks">The configured desks (id, name), for the desk switch; none, no switch.</param>
    public static string Render(Digest digest, DateOnly day, TimeZoneInfo zone, bool showEvidence, string? notice = null, IReadOnlyList<(string Id, string Name)>? desks = null)
    {
        var deskQuery = digest.Desk is null ? "" : "&desk=" + Uri.EscapeDataString(digest.Desk);
        // The export covers exactly the day shown, in the digest's time zone: since its start, until the next day's.
        var (start, end) = DigestBuilder.Bounds(day, zone);
        var csv = $"/api/articles?since={Uri.EscapeDataString(Instant(start))}&until={Uri.EscapeDataString(Instant(end))}&format=csv{deskQuery}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>NewsDesk: {E(digest.Date)}</title>");
        html.Append("<style>body{font-family:Georgia,serif;max-width:760px;margin:0 auto;padding:16px;color:#1a1a1a;line-height:1.5;overflow-wrap:anywhere}")
            .Append("nav a{margin-right:12px}#filters{margin:12px 0}#filters button{margin:0 6px 6px 0;padding:4px 10px;border:1px solid #1d3557;background:#fff;border-radius:4px;cursor:pointer}")
            .Append("#filters button[aria-pressed=true]{background:#1d3557;color:#fff}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<nav><a href=\"/?date={day.AddDays(-1):yyyy-MM-dd}{E(deskQuery)}\">&larr; {day.AddDays(-1):yyyy-MM-dd}</a><a href=\"/?date={day.AddDays(1):yyyy-MM-dd}{E(deskQuery)}\">{day.AddDays(1):yyyy-MM-dd} &rarr;</a>");
        var atom = digest.Desk is null ? "/digests.atom" : "/digests.atom?desk=" + Uri.EscapeDataString(digest.Desk);
        html.Append(CultureInfo.InvariantCulture, $"<a href=\"/api/stories?date={E(digest.Date)}\">stories (JSON)</a><a href=\"{E(csv)}\">export CSV</a><a href=\"{E(atom)}\">Atom feed of digests</a></nav>");
        if (desks is { Count: > 0 })
        {
            // The desk switch: each link keeps the day shown.
            html.Append("<nav id=\"desks\" aria-label=\"Desk\">Desk: ");
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"/?date={day:yyyy-MM-dd}\"{(digest.Desk is null ? " aria-current=\"page\"" : "")}>All news</a>");
            foreach (var (id, name) in desks)
            {
                html.Append(CultureInfo.InvariantCulture, $"<a href=\"/?date={day:yyyy-MM-dd}&amp;desk={E(Uri.EscapeDataString(id))}\"{(digest.Desk == id ? " aria-current=\"page\"" : "")}>{E(name)}</a>");
            }

            html.Append("</nav>");
        }
        if (notice is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p id=\"notice\" role=\"status\">{E(notice)}</p>");
        }

        html.Append("<div id=\"filters\" role=\"toolbar\" aria-label=\"Filter by theme\"><button type=\"button\" data-filter=\"all\" aria-pressed=\"true\">All</button>");
        foreach (var section in digest.Sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<button type=\"button\" data-filter=\"{E(section.Theme)}\" aria-pressed=\"false\">{E(section.Heading)} ({section.Entries.Length})</button>");
        }

        html.Append("</div><main id=\"digest\">").Append(HtmlDigestRenderer.RenderBody(digest, showEvidence)).Append("</main>");
        html.Append("<script>").Append(Script).Append("</script></body></html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Instant(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
