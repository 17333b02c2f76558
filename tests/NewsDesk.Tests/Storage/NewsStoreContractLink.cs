using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Storage;

/// <summary>Issue 21, canonical links: the page's stable address is stored with the article, on each store.</summary>
public abstract partial class NewsStoreContract
{
    [Fact]
    public void An_article_s_stable_link_and_taxonomy_version_are_read_back_by_find_query_and_headlines()
    {
        Store.Save(Articles.Make("l1", "One", Day) with { Link = "https://stable.example/news/one", TaxonomyVersion = "v7" });
        Store.Save(Articles.Make("l2", "Two", Day.AddHours(1)));

        Assert.Equal("https://stable.example/news/one", Store.FindArticle("l1")!.Link);
        Assert.Null(Store.FindArticle("l2")!.Link);
        Assert.Equal(["https://stable.example/news/one", null], Store.Query(new ArticleQuery()).Select(a => a.Link).ToArray());
        Assert.Equal(["https://stable.example/news/one", null], Store.QueryHeadlines(new ArticleQuery { Since = Day.AddDays(-1), Until = Day.AddDays(1) }).Select(a => a.Link).ToArray());
        // The headline read leaves out the text, not the fields that say where the article is and what tagged it.
        Assert.Equal(["v7", null], Store.QueryHeadlines(new ArticleQuery { Since = Day.AddDays(-1), Until = Day.AddDays(1) }).Select(a => a.TaxonomyVersion).ToArray());
    }
}
