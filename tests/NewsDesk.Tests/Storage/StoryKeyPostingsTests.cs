using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Storage;

public sealed class StoryKeyPostingsTests
{
    private static readonly DateTime Day = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Shared_counts_keys_per_article_matches_a_brute_force_count_and_survives_compaction()
    {
        var postings = new StoryKeyPostings(Day.AddDays(-30));
        var random = new Random(7);
        var held = new Dictionary<string, (DateTime Date, string[] Keys)>();
        for (var i = 0; i < 5000; i++)
        {
            var id = $"a{i:D4}";
            var date = Day.AddMinutes(-random.Next(60 * 24 * 20));
            var keys = Enumerable.Range(0, 6).Select(_ => $"k{random.Next(400)}").ToArray();
            postings.Add(id, date, keys);
            held[id] = (date, keys);
            if (i % 7 == 0)
            {
                var gone = $"a{random.Next(i + 1):D4}";
                postings.Remove(gone);
                held.Remove(gone);
            }
        }

        string[] asked = ["k1", "k2", "k3", "k399"];
        AssertMatches(postings, held, asked, Day.AddDays(-20));
        Assert.True(postings.WorthCompacting);

        postings.Compact(Day.AddDays(-5));

        Assert.Equal(Day.AddDays(-5), postings.From);
        Assert.True(postings.Slots < held.Count);
        AssertMatches(postings, held, asked, Day.AddDays(-5));
    }

    [Fact]
    public void A_common_key_reads_the_most_recently_stored_first_and_only_so_far()
    {
        var postings = new StoryKeyPostings(Day.AddDays(-3));
        for (var i = 0; i < 10; i++)
        {
            postings.Add($"a{i}", Day, ["common"]);
        }

        postings.Add("a3", Day, ["common"]);

        // a3 was stored again last, so it comes first; its first entry is skipped as removed.
        Assert.Equal(["a3", "a8", "a9"], postings.Shared(["common"], Day.AddDays(-1), perKey: 3).Keys.Order(StringComparer.Ordinal));
        Assert.Empty(postings.Shared(["common"], Day.AddDays(1), perKey: 3));
    }

    [Fact]
    public void Articles_stored_older_than_from_are_held_until_the_next_compaction()
    {
        var postings = new StoryKeyPostings(Day);
        postings.Add("old", Day.AddDays(-2), ["k"]);
        Assert.Equal(["old"], postings.Shared(["k"], Day.AddDays(-3), perKey: 10).Keys);
        Assert.Empty(postings.Shared(["k"], Day.AddDays(-1), perKey: 10));

        postings.Compact(Day);

        Assert.Empty(postings.Shared(["k"], Day.AddDays(-3), perKey: 10));
    }

    private static void AssertMatches(StoryKeyPostings postings, Dictionary<string, (DateTime Date, string[] Keys)> held, string[] asked, DateTime since)
    {
        var expected = held
            .Where(p => p.Value.Date >= since)
            .Select(p => (p.Key, Count: p.Value.Keys.Distinct().Count(asked.Contains)))
            .Where(p => p.Count > 0)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        var actual = postings.Shared(asked, since, perKey: int.MaxValue)
            .Select(p => (p.Key, Count: p.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_report_dated_years_back_finds_its_story_without_bringing_years_of_keys_into_memory()
    {
        using var temp = new TempFolder();
        using var db = new LiteDB.LiteDatabase(temp.File("s.db"));
        var index = new StoryIndex(db);
        var old = Day.AddYears(-5);
        var signature = new LiteDB.BsonDocument();
        for (var day = 0; day < 400; day++)
        {
            index.Add($"r{day:D3}", Day.AddDays(-day), false, $"r{day:D3}", signature, ["recent"]);
        }

        index.Add("o1", old, false, "o1", signature, ["old"]);
        index.Add("o2", old.AddDays(1), false, "o1", signature, ["old"]);
        index.Add("o3", old.AddDays(70), false, "o3", signature, ["old"]);

        Assert.Equal(4, index.Candidates(["recent"], Day.AddDays(-3), limit: 100).Count);
        Assert.Equal(Day.AddDays(-3), index.HeldFrom);

        // Two reports a day apart, five years back, and one 70 days after them: too far apart to be their story.
        Assert.Equal(["o1", "o2"], index.Candidates(["old"], old.AddDays(-3), limit: 100).Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(Day.AddDays(-3), index.HeldFrom);

        // Within the held span of what is held, the keys are loaded and kept.
        Assert.Equal(21, index.Candidates(["recent"], Day.AddDays(-20), limit: 100).Count);
        Assert.Equal(Day.AddDays(-20), index.HeldFrom);
    }
}
