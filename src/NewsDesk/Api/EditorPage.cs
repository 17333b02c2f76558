using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using NewsDesk.Digests;

namespace NewsDesk.Api;

/// <summary>
/// GET / : a plain page for editors with a day's digest (today by default, ?date=yyyy-MM-dd), theme filter buttons
/// and links to the other formats. No front-end build: the digest body is the sanitised HTML rendering, and the only
/// script is the filter below, which is NewsDesk's own.
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

    public static void MapEditorPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (string? date, DigestBuilder builder, IOptions<DigestOptions> options, TimeProvider time) =>
        {
            var zone = options.Value.Zone();
            var today = options.Value.Today(time);
            var day = date is not null && DigestDay.TryParse(date, out var parsed, out _) ? parsed : today;
            var digest = builder.Current(day, zone);
            return Results.Content(Render(digest, day, options.Value.ShowEvidence), "text/html; charset=utf-8");
        });
    }

    public static string Render(Digest digest, DateOnly day, bool showEvidence)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>NewsDesk: {E(digest.Date)}</title>");
        html.Append("<style>body{font-family:Georgia,serif;max-width:760px;margin:0 auto;padding:16px;color:#1a1a1a;line-height:1.5}")
            .Append("nav a{margin-right:12px}#filters{margin:12px 0}#filters button{margin:0 6px 6px 0;padding:4px 10px;border:1px solid #1d3557;background:#fff;border-radius:4px;cursor:pointer}")
            .Append("#filters button[aria-pressed=true]{background:#1d3557;color:#fff}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<nav><a href=\"/?date={day.AddDays(-1):yyyy-MM-dd}\">&larr; {day.AddDays(-1):yyyy-MM-dd}</a><a href=\"/?date={day.AddDays(1):yyyy-MM-dd}\">{day.AddDays(1):yyyy-MM-dd} &rarr;</a>");
        html.Append(CultureInfo.InvariantCulture, $"<a href=\"/api/stories?date={E(digest.Date)}\">stories (JSON)</a><a href=\"/api/articles?since={E(digest.Date)}&amp;format=csv\">export CSV</a><a href=\"/digests.atom\">Atom feed of digests</a></nav>");
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
}
