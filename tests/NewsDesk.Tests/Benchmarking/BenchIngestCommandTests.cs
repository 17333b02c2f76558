using System.Text.Json;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Benchmarking;

/// <summary>`bench ingest` end to end on a tiny site: the real exe, loopback server, real pipeline, sane figures.</summary>
public sealed class BenchIngestCommandTests
{
    [Fact]
    public async Task Two_feeds_of_three_items_are_ingested_and_reported()
    {
        using var folder = new TempFolder();
        var (exit, stdout, stderr) = await CliProcess.RunAsync(folder.Path, new Dictionary<string, string>(), "bench", "ingest", "--feeds", "2", "--items", "3", "--json");

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        var result = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(6, result.GetProperty("New").GetInt32());
        Assert.Equal(0, result.GetProperty("Failed").GetInt32());
        Assert.Equal(0, result.GetProperty("FellBack").GetInt32());
        Assert.True(result.GetProperty("ArticlesPerSecond").GetDouble() > 0);
        var p50 = result.GetProperty("P50Ms").GetDouble();
        Assert.True(p50 > 0 && result.GetProperty("P95Ms").GetDouble() >= p50);
        Assert.InRange(result.GetProperty("PeakRssMb").GetDouble(), 20, 4096);
        Assert.Equal(6, result.GetProperty("ParsePages").GetInt32());
        // Generated pages are 30–300 KB.
        Assert.InRange(result.GetProperty("ParseMeanKb").GetDouble(), 29, 300);
        Assert.True(result.GetProperty("RatioToParseOnly").GetDouble() > 0);
        Assert.True(result.GetProperty("StageMsPerArticle").GetProperty("Extract").GetDouble() > 0);
    }

    [Fact]
    public async Task The_table_names_every_stage_and_the_parse_only_floor()
    {
        using var folder = new TempFolder();
        var (exit, stdout, stderr) = await CliProcess.RunAsync(folder.Path, new Dictionary<string, string>(), "bench", "ingest", "--feeds", "1", "--items", "2");

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        foreach (var stage in new[] { "Lookup", "Fetch", "Extract", "Tag", "Summarise", "StoryLockWait", "StoryMatch", "Store" })
        {
            Assert.Contains($"stage {stage}", stdout, StringComparison.Ordinal);
        }

        Assert.Contains("AngleSharp parse-only", stdout, StringComparison.Ordinal);
        Assert.Contains("ingest ÷ parse-only throughput", stdout, StringComparison.Ordinal);
    }
}
