using NewsDesk.Commands;
using NewsDesk.Evaluation.Stories;
using NewsDesk.Stories;

using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Stories;

public sealed class StoryEvaluationTests
{
    // Ratchet: raise these when grouping improves, never lower them to make a change pass.
    // `cluster` (the same grouper, undated items left undated). Measured 2026-12-08 (places of meetings, days named
    // without a year): precision 0.949, recall 0.925, F1 0.937 (docs/benchmarks/stories.md).
    private const double MinPrecision = 0.93;
    private const double MinF1 = 0.92;

    // The worker's path (tag, group, store). Half of themes-dev is undated: ingested at one instant, and undated for
    // matching, as `cluster` leaves them. Measured 2026-12-08: precision 0.949, recall 0.925, F1 0.937, as `cluster`.
    private const double MinWorkerPrecision = 0.93;
    private const double MinWorkerF1 = 0.92;

    [Fact]
    public void Grouping_on_themes_dev_stays_above_the_floor()
    {
        var data = RepoPaths.SharedData("themes-dev");
        if (data is null)
        {
            Assert.Skip("eval stories: ../shared/data/themes-dev not found");
        }

        var result = StoryEvaluator.EvaluateCluster(data, new StoryMatcherOptions());
        var worker = StoryEvaluator.Evaluate(data, new StoryMatcherOptions());

        Assert.True(result.Score.Precision >= MinPrecision, result.Format());
        Assert.True(result.Score.F1 >= MinF1, result.Format());
        Assert.True(worker.Score.Precision >= MinWorkerPrecision, worker.Format());
        Assert.True(worker.Score.F1 >= MinWorkerF1, worker.Format());
    }

    [Fact]
    public void Pairwise_score_counts_pairs()
    {
        var score = PairwiseScore.Compute([("x", "1"), ("x", "1"), ("x", "2"), ("y", "2")]);

        Assert.Equal(3, score.GoldPairs);
        Assert.Equal(2, score.PredictedPairs);
        Assert.Equal(1, score.CorrectPairs);
        Assert.Equal(0.5, score.Precision);
    }

    [Fact]
    public void Missing_data_folder_is_bad_usage()
    {
        var exitCode = EvalStoriesCommand.Create().Parse(["--data", "/nonexistent/themes"]).Invoke();

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public void Cluster_command_rejects_a_missing_input_file()
    {
        var exitCode = ClusterCommand.Create().Parse(["--in", "/nonexistent/in.jsonl", "--out", "/tmp/out.jsonl"]).Invoke();

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public void Cluster_command_writes_stories()
    {
        var input = Path.Combine(Path.GetTempPath(), $"cluster-{Guid.NewGuid():N}.jsonl");
        var output = input + ".out";
        try
        {
            File.WriteAllText(input, "{\"id\": \"a\", \"title\": \"One\", \"lede\": \"Something happened here today.\"}\n");

            var exitCode = ClusterCommand.Create().Parse(["--in", input, "--out", output]).Invoke();

            Assert.Equal(0, exitCode);
            Assert.Equal("{\"id\":\"a\",\"story\":\"a\"}", File.ReadAllText(output).Trim());
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }
}
