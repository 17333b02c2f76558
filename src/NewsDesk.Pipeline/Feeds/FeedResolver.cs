using NewsDesk.Fetching;
using NewsDesk.Parsing;
using NewsDesk.Parsing.Discovery;

namespace NewsDesk.Feeds;

/// <summary>
/// Turns what a user pastes (a feed URL or the address of a web page) into a feed URL that NewsDesk can read: the
/// URL is fetched through the product's <see cref="HttpFetcher"/> (same limits, same address guard) and parsed; if
/// it is not a feed, the page's autodiscovery links are tried in order and the first that parses wins.
/// </summary>
public sealed class FeedResolver(HttpFetcher fetcher, FeedParser parser)
{
    private const string FeedAccept = "application/atom+xml,application/rss+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,text/html;q=0.8,*/*;q=0.5";

    public async Task<ResolvedFeed> ResolveAsync(Uri url, CancellationToken ct)
    {
        var page = await GetAsync(url, ct).ConfigureAwait(false);
        FeedParseException notAFeed;
        try
        {
            return new ResolvedFeed(page.PermanentRedirect ?? url, parser.Parse(page.Body, page.ContentType, page.FinalUrl), null);
        }
        catch (FeedParseException ex)
        {
            notAFeed = ex;
        }

        var candidates = FeedAutodiscovery.Find(page.Body, page.ContentType, page.FinalUrl);
        if (candidates.Count == 0)
        {
            throw new FeedDiscoveryException($"{url} is not a feed ({notAFeed.Message}) and, as a web page, names none: no <link rel=\"alternate\" type=\"application/rss+xml\", atom+xml or feed+json>.", notAFeed)
            {
                SuggestedScrape = Scraping.ScrapeSuggester.Suggest(page.Body, page.ContentType, page.FinalUrl),
            };
        }

        var failures = new List<string>();
        foreach (var candidate in candidates)
        {
            try
            {
                var fetched = await GetAsync(candidate, ct).ConfigureAwait(false);
                return new ResolvedFeed(fetched.PermanentRedirect ?? candidate, parser.Parse(fetched.Body, fetched.ContentType, fetched.FinalUrl), url);
            }
            catch (Exception ex) when (ex is FetchException or FeedParseException or FeedDiscoveryException)
            {
                failures.Add($"{candidate}: {ex.Message}");
            }
        }

        throw new FeedDiscoveryException($"{url} names {candidates.Count} feed(s), none readable: {string.Join("; ", failures)}");
    }

    private async Task<FetchResult> GetAsync(Uri url, CancellationToken ct)
    {
        var fetched = await fetcher.FetchAsync(new FetchRequest(url, Accept: FeedAccept), ct).ConfigureAwait(false);
        return fetched.IsSuccess ? fetched : throw new FeedDiscoveryException($"{url} answered HTTP {(int)fetched.Status}.");
    }
}
