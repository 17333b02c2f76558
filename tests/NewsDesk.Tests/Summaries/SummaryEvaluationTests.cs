using NewsDesk.Commands;
using NewsDesk.Evaluation.Summaries;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Summaries;

public sealed class SummaryEvaluationTests
{
    // Ratchet: measured 2026-11-23 on extraction-dev, ROUGE-1 F 0.352 (lead-3: 0.346); see docs/benchmarks/summaries.md.
    private const double MinRouge1 = 0.34;

    [Fact]
    public void Rouge_of_identical_texts_is_one_and_of_disjoint_texts_zero()
    {
        var same = Rouge.Score("The pact was signed today.", "the pact was signed today");
        var disjoint = Rouge.Score("Alpha beta gamma.", "Delta epsilon.");

        Assert.Equal(new RougeScores(1, 1, 1), same);
        Assert.Equal(new RougeScores(0, 0, 0), disjoint);
    }

    [Fact]
    public void Rouge_counts_unigrams_bigrams_and_the_longest_common_subsequence()
    {
        // candidate: a b c d; reference: a c d e
        var scores = Rouge.Score("a b c d", "a c d e");

        Assert.Equal(0.75, scores.Rouge1, 3);   // 3 of 4 unigrams both ways
        Assert.Equal(1 / 3.0, scores.Rouge2, 3); // "c d" is 1 of 3 bigrams both ways
        Assert.Equal(0.75, scores.RougeL, 3);   // a c d
    }

    [Theory]
    [InlineData("<meta property=\"og:description\" content=\"Ministers from five countries agreed a shared plan for testing AI models.\">", "Ministers from five countries agreed a shared plan for testing AI models.")]
    [InlineData("<meta content='Two agencies will exchange staff and share tools for AI audits &amp; reviews.' name='description'>", "Two agencies will exchange staff and share tools for AI audits & reviews.")]
    [InlineData("<meta name=\"description\" content=\"News, views and more\">", null)]
    [InlineData("<html><head><title>No description</title></head></html>", null)]
    public void Reads_the_standfirst_from_meta_tags(string html, string? expected)
    {
        Assert.Equal(expected, Standfirst.FromHtml(html));
    }

    [Fact]
    public void Beats_the_floor_on_extraction_dev()
    {
        var data = RepoPaths.SharedData(SummaryEvaluator.ExtractionDev);
        if (data is null)
        {
            Assert.Skip("eval summaries: ../shared/data/extraction-dev not found");
        }

        var results = SummaryEvaluator.Evaluate(Path.GetDirectoryName(data)!);

        var extraction = results[0];
        Assert.True(extraction.Extractive.Count > 200, SummaryReport.Format(results));
        Assert.True(extraction.Extractive.Rouge1 >= MinRouge1, SummaryReport.Format(results));
    }

    [Fact]
    public void Missing_data_folder_is_bad_usage()
    {
        Assert.Equal(2, EvalSummariesCommand.Create().Parse(["--data", "/nonexistent/shared/data"]).Invoke());
    }
}
