namespace NewsDesk.Benchmarking;

/// <summary>
/// The facts of one synthetic story, shared by every report of it: two countries, an organisation, a programme
/// name, a topic and a city. About two and a half reports per story, from different feeds, so stories form.
/// </summary>
internal sealed record SyntheticStory(string A, string B, string Organisation, string Programme, string Topic, string City, string Month)
{
    public static SyntheticStory For(int storyNumber)
    {
        var random = new Random(BenchHash.Seed("story-" + storyNumber));
        var a = Pick(random, BenchVocabulary.Countries);
        var b = Pick(random, BenchVocabulary.Countries);
        while (b == a)
        {
            b = Pick(random, BenchVocabulary.Countries);
        }

        var city = Pick(random, BenchVocabulary.Cities);
        var programme = $"{city} {Pick(random, BenchVocabulary.ProgrammeNouns)}";
        return new SyntheticStory(a, b, Pick(random, BenchVocabulary.Organisations), programme, Pick(random, BenchVocabulary.Topics),
            Pick(random, BenchVocabulary.Cities), Pick(random, BenchVocabulary.Months));
    }

    /// <summary>Which story the item tells: spread over feeds so that one story's reports come from different sites.</summary>
    public static int NumberOf(int feed, int item, int totalItems)
    {
        var stories = Math.Max(1, totalItems * 2 / 5);
        return BenchHash.Seed($"item-{feed}-{item}") % stories;
    }

    public string Fill(string template) => template
        .Replace("{A}", A, StringComparison.Ordinal)
        .Replace("{B}", B, StringComparison.Ordinal)
        .Replace("{O}", Organisation, StringComparison.Ordinal)
        .Replace("{P}", Programme, StringComparison.Ordinal)
        .Replace("{T}", Topic, StringComparison.Ordinal)
        .Replace("{C}", City, StringComparison.Ordinal)
        .Replace("{M}", Month, StringComparison.Ordinal);

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
