using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsDesk.Desks;
using NewsDesk.Digests;
using NewsDesk.Exports;
using NewsDesk.Storage;

namespace NewsDesk.Api;

/// <summary>
/// GET /api/articles (same filters as `export`, `desk` included; an unknown parameter is a 400; JSON is paged, JSONL and CSV stream) and GET /api/articles/{id}.
/// The worker holds the LiteDB file, so while it runs this is how people and tools read the store.
/// </summary>
public static class ArticleEndpoints
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    /// <summary>Every query parameter of /api/articles: the filters of `export`, the desk, the format and the page.</summary>
    private static readonly string[] Parameters =
        ["theme", "since", "until", "date_field", "feed", "party", "org", "min_score", "story", "q", "desk", "format", "page", "page_size"];

    public static void MapArticleEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/articles", async (HttpContext context, INewsStore store) =>
        {
            var q = context.Request.Query;
            // A parameter this endpoint does not know would filter nothing: refused, as a misspelt theme is.
            if (q.Keys.FirstOrDefault(k => !Parameters.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            {
                return Results.BadRequest(new { error = $"\"{unknown}\" is not a parameter of /api/articles; the parameters are {string.Join(", ", Parameters)}" });
            }

            DeskOptions? desk = null;
            if (q["desk"] is [{ } deskId, ..]
                && (desk = context.RequestServices.GetRequiredService<IOptions<DigestOptions>>().Value.FindDesk(deskId)) is null)
            {
                return Results.BadRequest(new { error = $"desk \"{deskId}\" is not a desk in {DeskValidation.Section}" });
            }

            ArticleQuery filter;
            try
            {
                filter = ArticleQueryText.Parse(q["theme"].ToArray()!, q["since"], q["until"], q["date_field"], q["feed"].ToArray()!, q["party"], q["org"], q["min_score"], q["story"], q["q"]);
                Hosting.QueryNames.Check(filter, context.RequestServices, store);
            }
            catch (FormatException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }

            return (string?)q["format"] switch
            {
                null or "" or "json" => Page(context, store, filter, desk),
                "jsonl" => await ArticleExportResponse.CreateAsync(context, store, filter, ExportFormat.Jsonl, "application/x-ndjson; charset=utf-8", desk),
                "csv" => await ArticleExportResponse.CreateAsync(context, store, filter, ExportFormat.Csv, "text/csv; charset=utf-8", desk),
                var other => Results.BadRequest(new { error = $"format \"{other}\" is not json, jsonl or csv" }),
            };
        });

        app.MapGet("/api/articles/{id}", (string id, INewsStore store) =>
            store.FindArticle(id) is { } article
                ? Results.Json(ArticleView.From(article), ApiJson.Options)
                : Results.NotFound(new { error = $"no article with id {id}" }));
    }

    private static IResult Page(HttpContext context, INewsStore store, ArticleQuery filter, DeskOptions? desk)
    {
        var q = context.Request.Query;
        if (!WholeNumber(q["page"], 1, out var page) || !WholeNumber(q["page_size"], DefaultPageSize, out var size))
        {
            return Results.BadRequest(new { error = $"page \"{q["page"]}\" and page_size \"{q["page_size"]}\" must be whole numbers from 1 to {int.MaxValue}" });
        }

        size = Math.Min(size, MaxPageSize);
        // In long: page × size passes int.MaxValue long before page does, and a wrapped offset served page 1 again.
        var skip = (long)(page - 1) * size;
        var rows = skip > int.MaxValue ? [] : (desk is null ? store.Query(filter) : DeskFilter.Apply(desk, store.Query(filter))).Skip((int)skip).Take(size + 1).Select(ExportRow.From).ToList();
        var hasMore = rows.Count > size;
        string? next = null;
        if (hasMore)
        {
            var query = QueryString.Create(q.Where(kv => kv.Key != "page").SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v))))
                .Add("page", (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            next = context.Request.Path + query.ToUriComponent();
        }

        // `next` is always present (null on the last page), so clients can loop on it.
        return Results.Json(new { page, pageSize = size, items = rows.Take(size), next }, ApiJson.PageOptions);
    }

    private static bool WholeNumber(string? text, int absent, out int value)
    {
        value = absent;
        return string.IsNullOrEmpty(text) || (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value > 0);
    }
}

/// <summary>JSON settings for the read API: camelCase, nulls left out.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>For pages of export rows: every column is present, null or not, as in docs/export-schema.md.</summary>
    public static readonly JsonSerializerOptions PageOptions = new(JsonSerializerDefaults.Web);
}
