using NewsDesk.Storage;
using NewsDesk.Stories;

namespace NewsDesk.Tests.Storage;

public sealed class RecentStoryMembersTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Holds_at_most_its_capacity_and_keeps_what_was_read_lately()
    {
        var recent = new RecentStoryMembers(capacity: 8);
        for (var i = 0; i < 100; i++)
        {
            recent.Set(Member($"a{i}", "s"));
            // a0 is read after every store, so it keeps moving to the newer generation.
            Assert.True(recent.TryGet("a0", out _), $"after a{i}");
            Assert.InRange(recent.Count, 1, 8);
        }

        Assert.True(recent.TryGet("a99", out var newest));
        Assert.Equal("a99", newest.Id);
        Assert.False(recent.TryGet("a50", out _));
    }

    [Fact]
    public void A_merge_renames_the_story_and_a_removed_member_is_gone()
    {
        var recent = new RecentStoryMembers(capacity: 4);
        recent.Set(Member("a1", "s1"));
        recent.Set(Member("a2", "s1"));
        recent.Set(Member("a3", "s2"));

        recent.MergeStory("s1", "s2");
        recent.Remove("a3");

        Assert.True(recent.TryGet("a1", out var a1));
        Assert.True(recent.TryGet("a2", out var a2));
        Assert.Equal(["s2", "s2"], new[] { a1.StoryId, a2.StoryId });
        Assert.False(recent.TryGet("a3", out _));
        recent.Clear();
        Assert.Equal(0, recent.Count);
    }

    private static StoryCandidate Member(string id, string story) => new(id, story, Day, new StorySignature());
}
