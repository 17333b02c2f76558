using NewsDesk.Storage;

namespace NewsDesk.Retagging;

/// <summary>What a retag compares with: an article's themes, tag scores, parties and story before the run.</summary>
public sealed record RetagBefore(string[] Themes, double[] Scores, string[] Parties, string? StoryId)
{
    public static RetagBefore Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new([.. article.Themes], [.. article.Tags.Select(t => t.Score)], [.. article.Parties], article.StoryId);
    }
}
