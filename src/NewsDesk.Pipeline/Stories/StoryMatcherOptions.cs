using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Stories;

/// <summary>Knobs of story matching. The defaults suit news reports of announcements and agreements.</summary>
public sealed class StoryMatcherOptions
{
    /// <summary>Reports further apart than this are different events, however alike (a yearly summit).</summary>
    public TimeSpan TimeWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Estimated shingle Jaccard at or above which two texts are near-duplicates (one release, reposted).</summary>
    [Range(0.0, 1.0)]
    public double NearDuplicateJaccard { get; set; } = 0.5;

    /// <summary>Blended title, word and entity likeness at or above which two reports are one story.</summary>
    [Range(0.0, 1.0)]
    public double SameStoryThreshold { get; set; } = 0.3;
}
