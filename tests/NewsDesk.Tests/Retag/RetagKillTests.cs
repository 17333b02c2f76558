using System.Diagnostics;
using System.Text.RegularExpressions;
using NewsDesk.Retagging;
using NewsDesk.Storage;
using NewsDesk.Tagging;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Retag;

/// <summary>Issue 22: a `retag` killed with SIGKILL mid-run continues where it stopped. Real executable, real kill.</summary>
public sealed partial class RetagKillTests
{
    private const int Count = 1500;

    [Fact]
    public async Task A_killed_retag_continues_from_its_last_batch_and_finishes_every_article_once()
    {
        using var temp = new TempFolder();
        var words = "agency minister budget river harbour council grain railway vaccine tariff museum satellite election drought festival reactor"
            .Split(' ');
        var random = new Random(22);
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)]));
        using (var seed = new LiteDbNewsStore(temp.File("news.db")))
        {
            seed.InsertMany(Enumerable.Range(0, Count).Select(i => Articles.Make(
                $"k{i:D5}", $"{Words(5)} {i}", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i), ["talent"], text: $"{Words(12)}. {Words(12)}.")));
        }

        var env = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("news.db") };
        var ct = TestContext.Current.CancellationToken;

        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "NewsDesk.dll"), "retag"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = temp.Path,
        };
        start.Environment["NewsDesk__Storage__Path"] = temp.File("news.db");
        int killedAfter;
        using (var process = Process.Start(start)!)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            try
            {
                killedAfter = await FirstBatchAsync(process.StandardError, ct);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(ct);
            }

            await stdout;
        }

        Assert.InRange(killedAfter, 1, Count - 1);
        using (var store = new LiteDbNewsStore(temp.File("news.db")))
        {
            var checkpoint = RetagCheckpoint.Parse(store.GetRecord(RetagCheckpoint.RecordName))!;
            Assert.Null(checkpoint.Finished);
            Assert.InRange(checkpoint.Summary.Processed, killedAfter, Count - 1);
        }

        var (code, output, stderr) = await CliProcess.RunAsync(TimeSpan.FromMinutes(5), temp.Path, env, "retag");

        Assert.True(code == 0, output + stderr);
        Assert.Matches(@"retag: [\d,]+ of 1,500 articles \(resumed\)", stderr);
        Assert.Contains($"Retagged {Count} articles", output, StringComparison.Ordinal);
        Assert.Contains($"talent: +0 -{Count}", output, StringComparison.Ordinal);
        using var after = new LiteDbNewsStore(temp.File("news.db"));
        Assert.All(after.Query(new ArticleQuery()), a => Assert.Equal(Taxonomy.LoadDefault().Version, a.TaxonomyVersion));
    }

    /// <summary>Reads progress lines until one says a batch is done (its checkpoint is saved by then); returns how many.</summary>
    private static async Task<int> FirstBatchAsync(StreamReader stderr, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        while (await stderr.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Progress().Match(line) is { Success: true } match && int.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) is > 0 and var done)
            {
                return done;
            }
        }

        throw new InvalidOperationException("retag ended before its first batch");
    }

    [GeneratedRegex(@"^retag: ([\d,]+) of 1,500 articles")]
    private static partial Regex Progress();
}
