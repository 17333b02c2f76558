using NewsDesk.Extraction.Metadata;

namespace NewsDesk.Tests.Extraction;

/// <summary>The fallbacks for pages without a description meta or an author meta (issue #4, against Readability).</summary>
public sealed class PageMetadataFallbackTests
{
    [Theory]
    [InlineData("Nathan Willis March 25, 2015", "Nathan Willis")]
    [InlineData("Jane Doe | Updated: Sat, 20 Dec, 2025 - 06:36", "Jane Doe")]
    [InlineData("Jane Doe, 3 June 2024", "Jane Doe")]
    [InlineData("Jane Doe on 2024-06-03", "Jane Doe")]
    [InlineData("Jane Doe — 06/03/2024 10:15", "Jane Doe")]
    [InlineData("May Lindqvist", "May Lindqvist")]
    [InlineData("March 20, 2023 | Wellness", "")]
    public void Byline_loses_a_trailing_date(string byline, string expected) =>
        Assert.Equal(expected, BylineReader.WithoutTrailingDate(byline));

    [Fact]
    public void Lead_paragraph_skips_headings_and_datelines()
    {
        var text = "Updated 9:40\n\nA weekend survey\n\n" + Sentence(3) + "\n\nSecond paragraph.";

        Assert.Equal(Sentence(3), LeadParagraph.From(text));
    }

    [Fact]
    public void Long_lead_paragraph_is_cut_after_the_last_whole_sentence_that_fits()
    {
        var paragraph = Sentence(8);

        var description = LeadParagraph.From(paragraph)!;

        Assert.True(description.Length <= 400, description);
        Assert.EndsWith("wheel house.", description, StringComparison.Ordinal);
        Assert.StartsWith(description, paragraph, StringComparison.Ordinal);
    }

    [Fact]
    public void One_long_sentence_is_cut_at_a_word()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("volunteers traced the channel", 40)) + ".";

        var description = LeadParagraph.From(paragraph)!;

        Assert.EndsWith("…", description, StringComparison.Ordinal);
        Assert.True(description.Length <= 400, description);
    }

    [Fact]
    public void No_prose_no_description() =>
        Assert.Null(LeadParagraph.From("Home\nNews\nContact us\n\nShare this article"));

    private static string Sentence(int count) => string.Join(' ', Enumerable.Repeat(
        "A group of volunteers spent the weekend tracing the course of the old mill race to the wheel house.", count));
}
