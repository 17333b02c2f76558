using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using NewsDesk.Commands;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Hosting;

/// <summary>
/// Every command of the real command tree, run as the real executable with a bad argument, ends with the documented
/// exit code and one "newsdesk: " line on stderr: no stack trace, no .NET type name.
/// </summary>
public sealed class EveryCommandErrorTests
{
    /// <summary>
    /// A bad invocation per command (after the command's own path) and the exit code it must give: a missing input
    /// file or folder is bad usage (2), as elsewhere in the CLI; a failure met while working (a refused connection, a
    /// bad feed list) is 1.
    /// </summary>
    private static readonly Dictionary<string, (string[] Args, int Code)> Cases = new()
    {
        ["run"] = (["stray-argument"], CommandLine.Usage),
        ["demo"] = (["--port", "eighty"], CommandLine.Usage),
        ["ingest"] = (["--once", "--feed"], CommandLine.Usage),
        ["digest"] = (["--date", "22/11/2026"], CommandLine.Usage),
        ["export"] = (["--since", "Nov 20 2026"], CommandLine.Usage),
        ["feeds list"] = (["stray-argument"], CommandLine.Usage),
        ["feeds add"] = (["https://feeds.example/rss", "--interval", "soon"], CommandLine.Usage),
        ["feeds inspect"] = (["no-such-feed.xml"], CommandLine.Usage),
        ["feeds import-opml"] = (["no-such-file.opml"], CommandLine.Usage),
        ["feeds export-opml"] = (["--file", "no-such-feeds.json"], CommandLine.Failure),
        ["healthcheck"] = (["--url", "notaurl"], CommandLine.Usage),
        ["config check"] = (["stray-argument"], CommandLine.Usage),
        ["config show"] = (["stray-argument"], CommandLine.Usage),
        ["db migrate"] = (["stray-argument"], CommandLine.Usage),
        ["db compact"] = (["stray-argument"], CommandLine.Usage),
        ["db backup"] = ([], CommandLine.Usage),
        ["extract"] = (["--in", "no-such-folder", "--out", "out"], CommandLine.Usage),
        ["tag"] = (["--in", "no-such-file.jsonl", "--out", "out.jsonl"], CommandLine.Usage),
        ["retag"] = (["--since", "Nov 20 2026"], CommandLine.Usage),
        ["cluster"] = (["--in", "in.jsonl", "--out", "out.jsonl", "--window-days", "three"], CommandLine.Usage),
        ["bench seed"] = (["--db", "seed.db", "--articles", "many"], CommandLine.Usage),
        ["bench ingest"] = (["--feeds", "many"], CommandLine.Usage),
        ["bench load"] = (["--url", "CLOSED", "--duration", "1s"], CommandLine.Failure),
        ["bench serve"] = (["--feeds-file", "f.json", "--feeds", "many"], CommandLine.Usage),
        ["bench stories"] = (["--sample", "many"], CommandLine.Usage),
        ["bench digest"] = (["--runs", "many"], CommandLine.Usage),
        ["bench queries"] = (["--db", "no-such-store.db"], CommandLine.Usage),
        ["bench export"] = (["--db", "no-such-store.db"], CommandLine.Usage),
        ["eval feeds"] = (["--data", "no-such-folder"], CommandLine.Usage),
        ["eval extraction"] = (["--data", "no-such-folder"], CommandLine.Usage),
        ["eval themes"] = (["--data", "no-such-folder"], CommandLine.Usage),
        ["eval stories"] = (["--data", "no-such-folder"], CommandLine.Usage),
        ["eval summaries"] = (["--data", "no-such-folder"], CommandLine.Usage),
    };

    [Fact]
    public void Every_command_in_the_tree_has_a_case()
    {
        var leaves = Leaves(CommandLine.Build(), "").Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(leaves, Cases.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Every_command_with_a_bad_argument_ends_in_one_line_and_its_exit_code()
    {
        using var temp = new TempFolder();
        var closed = ClosedPort();
        var environment = new Dictionary<string, string>
        {
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
        };
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Cases, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = TestContext.Current.CancellationToken }, async (c, _) =>
        {
            string[] args = [.. c.Key.Split(' '), .. c.Value.Args.Select(a => a == "CLOSED" ? $"http://127.0.0.1:{closed}/" : a)];
            var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, environment, args);
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var problems = new List<string>();
            if (code != c.Value.Code)
            {
                problems.Add($"exit {code}, expected {c.Value.Code}");
            }

            if (lines.Count(l => l.StartsWith("newsdesk: ", StringComparison.Ordinal)) != 1)
            {
                problems.Add("not exactly one 'newsdesk: ' line");
            }

            foreach (var leak in new[] { "   at ", "Exception", "System.", "OptionResult", "NewsDesk.", "expected type" })
            {
                if (stderr.Contains(leak, StringComparison.Ordinal) || stdout.Contains(leak, StringComparison.Ordinal))
                {
                    problems.Add($"output contains \"{leak}\"");
                }
            }

            if (problems.Count > 0)
            {
                failures.Add($"{string.Join(' ', args)}: {string.Join(", ", problems)}\n  stdout: {stdout.Trim()}\n  stderr: {stderr.Trim()}");
            }
        });

        Assert.True(failures.IsEmpty, string.Join("\n", failures.OrderBy(f => f, StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Settings_given_as_arguments_work_on_any_command()
    {
        using var temp = new TempFolder();
        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>(), "feeds", "list", $"--NewsDesk:FeedsFile={temp.File("listed.json")}");

        // The setting reached the command: it names the file it was given (which does not exist).
        Assert.Equal(CommandLine.Failure, code);
        Assert.Contains("listed.json", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("stray", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("newsdesk: --kind: \"blog\" is not one of press, government", "feeds", "add", "https://feeds.example/rss", "--kind", "blog")]
    [InlineData("newsdesk: --duration: \"5x\" is not a duration such as 20s", "bench", "load", "--url", "http://127.0.0.1:9/", "--duration", "5x")]
    [InlineData("newsdesk: --articles: \"many\" is not a whole number", "bench", "seed", "--db", "x.db", "--articles", "many")]
    public async Task A_value_that_does_not_convert_is_named_in_words_not_as_a_type(string expected, params string[] args)
    {
        using var temp = new TempFolder();

        var (code, _, stderr) = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>(), args);

        Assert.Equal(CommandLine.Usage, code);
        Assert.StartsWith(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_on_a_port_already_in_use_fails_in_one_line_without_the_hosts_stack_trace()
    {
        // Found by the red team: the generic host logged "Hosting failed to start" with the whole stack trace before
        // the one-line error, the commonest way a newcomer's `run` fails (a second worker, or 8080 taken).
        using var temp = new TempFolder();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [ { "id": "gov", "title": "Gov", "url": "https://example.org/feed", "kind": "government", "schedule": { "interval": "00:30:00" }, "enabled": false } ] }""");
        var env = new Dictionary<string, string>
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["urls"] = $"http://127.0.0.1:{port}",
        };

        var (code, _, stderr) = await CliProcess.RunAsync(temp.Path, env, "run");

        Assert.True(code == CommandLine.Failure, $"exit {code}: {stderr}");
        Assert.DoesNotContain(" at System.", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        var last = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.StartsWith("newsdesk: ", last, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_shows_the_stack_trace()
    {
        using var temp = new TempFolder();

        var (code, _, stderr) = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>(), "bench", "load", "--url", $"http://127.0.0.1:{ClosedPort()}/", "--duration", "1s", "--verbose");

        Assert.Equal(CommandLine.Failure, code);
        Assert.Contains("   at ", stderr, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Leaves(Command command, string path)
    {
        var subcommands = command.Subcommands;
        if (subcommands.Count == 0)
        {
            yield return path;
            yield break;
        }

        foreach (var sub in subcommands)
        {
            foreach (var leaf in Leaves(sub, path.Length == 0 ? sub.Name : $"{path} {sub.Name}"))
            {
                yield return leaf;
            }
        }
    }

    /// <summary>A loopback port nothing listens on: bound, then released.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
