namespace NewsDesk.Evaluation.Extraction;

/// <summary>A scored page of an evaluation run, with what the extractor said about it.</summary>
public sealed record ScoredPage(string Id, PageScore Score, bool TitleMatches, bool IsArticle, string? NotArticleReason);
