using NewsDesk.Storage;

namespace NewsDesk.Stories;

/// <summary>
/// Decides which story a report joins: the one place where matching and merging happen, for the pipeline
/// (<see cref="Pipeline.GroupCommitter"/> over the store) and for <c>cluster</c> and <c>eval stories</c> (over memory).
/// <para>
/// A report is compared with every report dated within the time window either side of it that shares an index key. It
/// joins the story of the oldest one it matches, or starts a story named after itself; when it matches reports of
/// several stories it bridges them and they merge. So, as long as no bound below bites, the stories are the
/// connected groups of the "same story" relation, which is symmetric: for dated reports the partition does not depend
/// on the order they arrive in (only which report names a story does). Undated reports (see <see cref="CloseInTime"/>)
/// are the exception.
/// </para>
/// </summary>
public sealed class StoryGrouper(StoryMatcher matcher)
{
    /// <summary>Reports one report may move from other stories into its own by bridging them (<see cref="MergeInto"/>).</summary>
    public const int MaxMergedReports = 100;

    /// <summary>
    /// Reports compared with a new one at most: every report within the reach that shares an index key, up to this. The
    /// partition is the same in any arrival order only if whether two reports are compared depends on those two alone.
    /// The old cut (the 40 sharing most keys) depended on what else was stored: on the 1,000 bench reports, where a
    /// report shares a key with 200 to 300 others, 40 left out matching reports in one order and not in another. This
    /// bound is a safety valve for a key that half the store shares; when it bites, order can matter again.
    /// </summary>
    public const int MaxCandidates = 1_000;

    /// <summary>How far back from a report the grouper looks: the store loads this much before a group (<see cref="Pipeline.GroupCommitter"/>).</summary>
    public TimeSpan LookBack => matcher.Reach;

    public StoryAssignment Assign(StoryItem item, IStoryCandidateSource source)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(source);
        var signature = matcher.Sign(item.Title, item.Text, item.Entities);
        var keys = matcher.BandKeys(signature);
        var since = item.Date is { } date ? date - matcher.Reach : (DateTimeOffset?)null;
        var until = item.Date is { } end ? end + matcher.Reach : DateTimeOffset.MaxValue;
        // The reach is applied on both sides, so whether two reports are compared does not depend on which came first.
        var matches = source.Find(keys, since)
            .Where(c => c.Id != item.Id && (c.Date is null || c.Date <= until))
            .Where(c => matcher.IsSameStory(signature, item.Date, c.Signature, c.Date))
            .ToList();
        if (matches.Count == 0)
        {
            return new StoryAssignment(signature, keys, item.Id);
        }

        var target = matches.OrderBy(m => m.Date ?? DateTimeOffset.MaxValue).ThenBy(m => m.Id, StringComparer.Ordinal).First().StoryId;
        var bridged = matches.Where(m => m.StoryId != target).GroupBy(m => m.StoryId)
            .Where(other => item.Date is not null || CloseInTime(matches.Where(m => m.StoryId == target), other))
            .Select(other => other.Key);
        MergeInto(source, target, bridged);
        return new StoryAssignment(signature, keys, target);
    }

    /// <summary>
    /// An undated report (one whose feed and page gave no date: the pipeline passes an article dated only by its ingest
    /// as undated, so it matches here exactly as in `cluster`) matches
    /// on wording alone, so it could bridge a signing and its follow-up months later: it bridges two stories only when
    /// reports of each that it matched are dated within the window of each other.
    /// </summary>
    private bool CloseInTime(IEnumerable<StoryCandidate> target, IEnumerable<StoryCandidate> other)
    {
        var dates = target.Where(m => m.Date is not null).Select(m => m.Date!.Value).ToList();
        var otherDates = other.Where(m => m.Date is not null).Select(m => m.Date!.Value).ToList();
        return dates.Count == 0 || otherDates.Count == 0
            || (dates.Min() - otherDates.Max() <= matcher.TimeWindow && otherDates.Min() - dates.Max() <= matcher.TimeWindow);
    }

    /// <summary>
    /// Merges the smallest of <paramref name="others"/> into <paramref name="target"/> while at most
    /// <see cref="MaxMergedReports"/> reports in all move. In the store a merge rewrites every report it moves, inside
    /// the group's transaction, and LiteDB keeps every page a transaction touches in memory: unbounded, chains of
    /// bridges built one story of 2,505 reports in `bench/worker-rss.sh 1000 10`, and each merge of it rewrote them
    /// all. Real stories have a handful of reports, so the bound only bites on such chains: a story too big to move
    /// stays as it was, and the report joins the oldest one.
    /// </summary>
    private static void MergeInto(IStoryCandidateSource source, string target, IEnumerable<string> others)
    {
        var budget = MaxMergedReports;
        var sized = others.Select(id => (Id: id, Size: source.CountStory(id, budget + 1)))
            .OrderBy(s => s.Size).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        foreach (var (other, size) in sized)
        {
            if (size > budget)
            {
                break;
            }

            source.MergeStory(other, target);
            budget -= size;
        }
    }
}
