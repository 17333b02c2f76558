using Microsoft.Extensions.Options;
using NewsDesk.Feeds;
using Quartz;

namespace NewsDesk.Hosting;

/// <summary>The feeds from feeds.json, loaded and validated once at start (cron expressions by Quartz's own parser).</summary>
public sealed class FeedRegistry
{
    public FeedRegistry(IOptions<NewsDeskOptions> options)
        : this(Load(options.Value.FeedsFile))
    {
    }

    public FeedRegistry(IReadOnlyList<FeedDefinition> feeds)
    {
        All = feeds;
    }

    public IReadOnlyList<FeedDefinition> All { get; }

    public IEnumerable<FeedDefinition> Enabled => All.Where(f => f.Enabled);

    public FeedDefinition? Find(string id) => All.FirstOrDefault(f => f.Id == id);

    public static IReadOnlyList<FeedDefinition> Load(string path) =>
        FeedCatalog.Load(path, cron => CronExpression.TryParse(cron, out _));

    /// <summary>
    /// The list as `feeds list` shows it: checked as strictly, except that a header or cookie may use an environment
    /// variable that is not set here (listing needs no secrets; `run` and `ingest` still refuse it). Never fetch these.
    /// </summary>
    public static IReadOnlyList<FeedDefinition> LoadForListing(string path) =>
        FeedCatalog.Load(path, cron => CronExpression.TryParse(cron, out _), allowUnsetSecrets: true);
}
