using NewsDesk.Storage;
using NewsDesk.Summaries;
using NewsDesk.Tagging;

namespace NewsDesk.Api;

/// <summary>One article as the API shows it: everything stored except the story-matching internals.</summary>
public sealed record ArticleView(
    string Id, string Url, string Title, string? Source, string SourceKind, string FeedId, DateTimeOffset? Published,
    DateTimeOffset Ingested, string? Byline, string? Language, string? Description, string Text, string TextSource,
    string? FallbackReason, ThemeTag[] Tags, string[] Parties, string[] Countries, string[] Organisations, Summary Summary, string? StoryId)
{
    public static ArticleView From(Article a) => new(
        a.Id, a.Url, a.Title, a.Source, a.SourceKind, a.FeedId, a.Published, a.Ingested, a.Byline, a.Language, a.Description, a.Text,
        a.TextSource, a.FallbackReason, a.Tags, a.Parties, a.Countries, a.Organisations, a.Summary, a.StoryId);
}
