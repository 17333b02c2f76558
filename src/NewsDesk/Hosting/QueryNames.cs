using NewsDesk.Feeds;
using NewsDesk.Storage;
using NewsDesk.Tagging;

namespace NewsDesk.Hosting;

/// <summary>
/// Rejects a theme or feed id that does not exist (`--theme standard`, `?feed=nosuch`), listing the valid ones: an
/// unknown name matches nothing, and an empty export with exit 0 reads as "no such articles", not "no such filter".
/// Shared by `export` and GET /api/articles so that both refuse the same names.
/// </summary>
public static class QueryNames
{
    /// <exception cref="FormatException">A theme or feed id is unknown; the message lists the valid ones.</exception>
    public static void Check(ArticleQuery query, IServiceProvider services, INewsStore store)
    {
        var themes = services.GetRequiredService<Taxonomy>().ThemeNames;
        foreach (var theme in query.Themes.Where(t => !themes.Contains(t, StringComparer.OrdinalIgnoreCase)))
        {
            throw new FormatException($"theme \"{theme}\" is not a theme; the themes are {string.Join(", ", themes)}.");
        }

        if (query.Feeds.Count == 0)
        {
            return;
        }

        // A feed is known when feeds.json lists it or the store has polled it; one removed from both since may still
        // have articles, so those are looked up last.
        var known = new SortedSet<string>(store.FeedStates().Select(s => s.Id), StringComparer.OrdinalIgnoreCase);
        known.UnionWith(ListedFeeds(services));
        foreach (var feed in query.Feeds.Where(f => !known.Contains(f)))
        {
            if (!store.Query(new ArticleQuery { Feeds = [feed], Limit = 1 }).Any())
            {
                throw new FormatException($"feed \"{feed}\" is not a feed id; the feed ids are {(known.Count == 0 ? "(none)" : string.Join(", ", known))}.");
            }
        }
    }

    private static IEnumerable<string> ListedFeeds(IServiceProvider services)
    {
        try
        {
            return services.GetRequiredService<FeedRegistry>().All.Select(f => f.Id);
        }
        catch (Exception ex) when (ex is FeedCatalogException or IOException)
        {
            // Export needs only the store: without a readable feeds.json the stored feeds are the list.
            return [];
        }
    }
}
