using System.Text.Json;
using NewsDesk.Storage;

namespace NewsDesk.Alerts;

/// <summary>
/// What the alerter has done, kept as one JSON record in the store (<see cref="RecordName"/>) so that a restart
/// neither alerts a story twice nor treats a known feed's articles as a new backlog, and so that workers sharing a
/// PostgreSQL store share it too. Each save is one committed write: a crash leaves the old or the new state.
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

    /// <summary>
    /// True when the article came in its feed's first poll, false when it came later, null when that cannot be told
    /// yet. A poll's articles are committed before its feed state (with the poll's start as LastSuccess), so an article
    /// of the second poll can be read while only the first poll is known: it is left undecided, neither alerted nor
    /// recorded, and decided at a later check (the checks re-read a few minutes back) once the second poll shows.
    /// A feed with no successful poll seen yet is in its first.
    /// </summary>
    public bool? InFirstPoll(string feed, DateTimeOffset ingested) =>
        SecondPoll.TryGetValue(feed, out var second) ? ingested < second
        : FirstPoll.ContainsKey(feed) ? null
        : true;

    /// <summary>Per desk, the stories already alerted (or seen in a backlog), with when.</summary>
    public Dictionary<string, Dictionary<string, DateTimeOffset>> Stories { get; set; } = [];

    /// <summary>The store record the state is kept in.</summary>
    public const string RecordName = "alerts";

    public static AlertState Load(INewsStore store) =>
        store.GetRecord(RecordName) is { } json ? JsonSerializer.Deserialize<AlertState>(json, Json) ?? new AlertState() : new AlertState();

    public void Save(INewsStore store) => store.SaveRecord(RecordName, JsonSerializer.Serialize(this, Json));

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
