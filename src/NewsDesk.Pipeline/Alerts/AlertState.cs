using System.Text.Json;

namespace NewsDesk.Alerts;

/// <summary>
/// What the alerter has done, kept in a small JSON file beside the store (news.db → news.alerts.json) so that a
/// restart neither alerts a story twice nor treats a known feed's articles as a new backlog. A file rather than the
/// store: the store has no collection for it, and the store's code belongs to its own stage; the file is written
/// through a temporary file and a rename, so a crash leaves the old or the new state, never half of one.
/// </summary>
public sealed class AlertState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Articles ingested from this instant on are still to be checked.</summary>
    public DateTimeOffset? Checked { get; set; }

    /// <summary>Per feed, the first successful poll the alerter saw (the feed state's LastSuccess, stamped as the poll fetched).</summary>
    public Dictionary<string, DateTimeOffset> FirstPoll { get; set; } = [];

    /// <summary>
    /// Per feed, the next successful poll after <see cref="FirstPoll"/>: articles ingested before it came in the first
    /// poll, the feed's backlog. Until it is seen, every article of the feed is backlog.
    /// </summary>
    public Dictionary<string, DateTimeOffset> SecondPoll { get; set; } = [];

    /// <summary>Notes the feed's latest successful poll.</summary>
    public void SawPoll(string feed, DateTimeOffset lastSuccess)
    {
        if (!FirstPoll.TryGetValue(feed, out var first))
        {
            FirstPoll[feed] = lastSuccess;
        }
        else if (lastSuccess > first && !SecondPoll.ContainsKey(feed))
        {
            SecondPoll[feed] = lastSuccess;
        }
    }

    /// <summary>True when the article came in its feed's first poll (or that poll's end is not known yet).</summary>
    public bool InFirstPoll(string feed, DateTimeOffset ingested) => !SecondPoll.TryGetValue(feed, out var second) || ingested < second;

    /// <summary>Per desk, the stories already alerted (or seen in a backlog), with when.</summary>
    public Dictionary<string, Dictionary<string, DateTimeOffset>> Stories { get; set; } = [];

    public static string PathBeside(string storePath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(storePath)) ?? ".", System.IO.Path.GetFileNameWithoutExtension(storePath) + ".alerts.json");

    public static AlertState Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<AlertState>(File.ReadAllText(path), Json) ?? new AlertState() : new AlertState();

    public void Save(string path)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, Json));
        File.Move(temp, path, overwrite: true);
    }

    public bool Knows(string desk, string story) => Stories.TryGetValue(desk, out var stories) && stories.ContainsKey(story);

    public void Record(string desk, string story, DateTimeOffset at)
    {
        if (!Stories.TryGetValue(desk, out var stories))
        {
            Stories[desk] = stories = [];
        }

        stories[story] = at;
    }

    /// <summary>Forgets stories older than <paramref name="before"/>: their next report is news again, and the file stays small.</summary>
    public void Prune(DateTimeOffset before)
    {
        foreach (var stories in Stories.Values)
        {
            foreach (var old in stories.Where(s => s.Value < before).Select(s => s.Key).ToList())
            {
                stories.Remove(old);
            }
        }
    }
}
