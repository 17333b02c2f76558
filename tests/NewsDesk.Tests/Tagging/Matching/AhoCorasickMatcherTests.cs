using NewsDesk.Tagging.Matching;

namespace NewsDesk.Tests.Tagging.Matching;

public sealed class AhoCorasickMatcherTests
{
    private static List<string> Find(string text, params string[] terms)
    {
        var matcher = new AhoCorasickMatcher([.. terms.Select(MatcherPattern.Parse)]);
        var matches = new List<PatternMatch>();
        matcher.Scan(text, matches);
        return [.. matches.Select(m => text.Substring(m.Start, m.Length))];
    }

    [Fact]
    public void Finds_overlapping_phrases_in_one_pass()
    {
        Assert.Equal(["Safety", "AI Safety Institute", "Institute"], Find("The AI Safety Institute opened.", "safety", "AI Safety Institute", "institute"));
    }

    [Theory]
    [InlineData("standardisation work", 0)]
    [InlineData("new standards for AI", 1)]
    [InlineData("standard-setting bodies", 0)]
    public void Respects_word_boundaries(string text, int expected)
    {
        Assert.Equal(expected, Find(text, "standards").Count);
    }

    [Fact]
    public void Upper_case_terms_are_case_sensitive_and_lower_case_terms_are_not()
    {
        Assert.Equal(["US"], Find("Tell us about the US plan.", "US"));
        Assert.Equal(["Memorandum", "memorandum"], Find("Memorandum and memorandum", "memorandum"));
    }

    [Fact]
    public void Dashes_and_curly_quotes_fold_to_plain_ones()
    {
        Assert.Equal(["UK", "India"], Find("UK\u2013India talks", "UK", "India"));
        Assert.Equal(["Britain\u2019s"], Find("Britain\u2019s plan", "Britain's"));
    }

    [Fact]
    public void A_trailing_star_leaves_the_end_open()
    {
        Assert.Equal(["collaborat", "collaborat"], Find("collaborate and collaboration", "collaborat*"));
    }

    [Fact]
    public void A_combining_form_ending_in_a_hyphen_needs_no_end_boundary()
    {
        Assert.Equal(["Franco-"], Find("Franco-German", "Franco-"));
    }
}
