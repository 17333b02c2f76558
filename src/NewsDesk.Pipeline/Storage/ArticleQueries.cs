namespace NewsDesk.Storage;

/// <summary>What both stores agree on about an <see cref="ArticleQuery"/>.</summary>
public static class ArticleQueries
{
    /// <summary>
    /// True when <paramref name="query"/> filters on nothing but dates (and a limit): the shape digests and large
    /// exports use, which <see cref="INewsStore.QueryHeadlines"/> and <see cref="INewsStore.QueryExportCells"/> take.
    /// </summary>
    public static bool IsDateOnly(ArticleQuery query) =>
        query.Themes.Count == 0 && query.Feeds.Count == 0 && query.Party is null && query.Organisation is null
        && query.MinScore is null && query.Story is null && query.Text is null;
}
