using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Desks;

/// <summary>
/// Desks through the real executable, configured through the environment: `digest --desk` keeps the desk's
/// sources, parties and themes and goes to the desk's own recipients and webhook; `export --desk` applies the same
/// rule; an unknown desk or a bad profile is one line naming the desk and field.
/// </summary>
public sealed class DeskCommandTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_desk_digest_keeps_the_desk_s_news_and_goes_to_its_own_targets()
    {
        await using var smtp = new FakeSmtpServer();
        var posts = new List<string>();
        await using var hook = await LoopbackServer.StartAsync(app => app.MapPost("/gov-desk", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            lock (posts)
            {
                posts.Add(reader.ReadToEndAsync().GetAwaiter().GetResult());
            }

            await Task.CompletedTask;
            return Results.Ok();
        }));
        using var temp = new TempFolder();
        var environment = Seeded(temp);
        environment["NewsDesk__Delivery__Smtp__Host"] = "127.0.0.1";
        environment["NewsDesk__Delivery__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["NewsDesk__Delivery__Smtp__Security"] = "None";
        environment["NewsDesk__Delivery__Smtp__To"] = "everyone@desk.example";
        environment["NewsDesk__Digest__Desks__0__Webhook"] = hook.Url("gov-desk").AbsoluteUri;

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, environment, "digest", "--date", "2026-11-22", "--desk", "gov", "--format", "json", "--deliver");

        Assert.True(code == 0, stdout + stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("gov", json.RootElement.GetProperty("desk").GetString());
        var headlines = json.RootElement.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("entries").EnumerateArray()).Select(e => e.GetProperty("headline").GetString());
        Assert.Equal(["UK and India sign AI memorandum"], headlines);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal(["<gov@desk.example>"], message.To);
        Assert.Contains("Subject: Government desk digest for 2026-11-22", message.Data, StringComparison.Ordinal);
        var post = Assert.Single(posts);
        Assert.StartsWith("Government desk digest for 2026-11-22", JsonDocument.Parse(post).RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(temp.File("out"), "digest-2026-11-22-gov.html")));
        Assert.False(File.Exists(Path.Combine(temp.File("out"), "digest-2026-11-22.html")));
    }

    [Fact]
    public async Task A_desk_digest_s_header_counts_an_untagged_article_once_as_a_headline()
    {
        using var temp = new TempFolder();
        var environment = Seeded(temp);
        // Sees the government report (bilateral) and the two untagged ones, which it lists.
        environment["NewsDesk__Digest__Desks__2__Id"] = "bilateral";
        environment["NewsDesk__Digest__Desks__2__Themes__0"] = "bilateral";
        using (var store = new LiteDbNewsStore(temp.File("news.db")))
        {
            store.Save(Articles.Make("eu3", "EU budget talks resume", Day, feed: "techpress") with { Parties = ["European Union"], Countries = [] });
        }

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, environment, "digest", "--date", "2026-11-22", "--desk", "bilateral");
        var eu = await CliProcess.RunAsync(temp.Path, environment, "digest", "--date", "2026-11-22", "--desk", "eu");
        var euJson = await CliProcess.RunAsync(temp.Path, environment, "digest", "--date", "2026-11-22", "--desk", "eu", "--format", "json");

        Assert.True(code == 0, stderr);
        Assert.Contains("1 story from 1 article, and 2 more headlines with no theme (UTC).", stdout, StringComparison.Ordinal);
        Assert.Contains("- [Fintech start-up raises funds]", stdout, StringComparison.Ordinal);
        // The EU desk sees the EU rules and the untagged EU budget talks, which it leaves out: not counted either.
        Assert.True(eu.ExitCode == 0, eu.Stderr);
        Assert.Contains("1 story from 1 article (UTC).", eu.Stdout, StringComparison.Ordinal);
        Assert.True(euJson.ExitCode == 0, euJson.Stderr);
        Assert.Equal(1, JsonDocument.Parse(euJson.Stdout).RootElement.GetProperty("articleCount").GetInt32());
    }

    [Fact]
    public async Task A_desk_whose_filter_matches_nothing_says_so_rather_than_that_the_day_was_empty()
    {
        using var temp = new TempFolder();
        var environment = Seeded(temp);
        environment["NewsDesk__Digest__Desks__2__Id"] = "mars";
        environment["NewsDesk__Digest__Desks__2__Parties__0"] = "Mars";

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, environment, "digest", "--date", "2026-11-22", "--desk", "mars");

        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("No articles were published", stdout, StringComparison.Ordinal);
        Assert.Contains("Nothing published or ingested on this day passed the filter of mars", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_desks_makes_the_default_digest_and_every_desk_s_together()
    {
        using var temp = new TempFolder();

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, Seeded(temp), "digest", "--date", "2026-11-22", "--all-desks");
        var refused = await CliProcess.RunAsync(temp.Path, Seeded(temp), "digest", "--date", "2026-11-22", "--all-desks", "--desk", "gov");

        Assert.True(code == 0, stderr);
        Assert.Equal(9, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("UK and India sign AI memorandum", File.ReadAllText(Path.Combine(temp.File("out"), "digest-2026-11-22-gov.md")), StringComparison.Ordinal);
        Assert.DoesNotContain("EU sets AI rules", File.ReadAllText(Path.Combine(temp.File("out"), "digest-2026-11-22-gov.md")), StringComparison.Ordinal);
        Assert.Contains("EU sets AI rules", File.ReadAllText(Path.Combine(temp.File("out"), "digest-2026-11-22-eu.html")), StringComparison.Ordinal);
        Assert.Contains("Fintech start-up raises funds", File.ReadAllText(Path.Combine(temp.File("out"), "digest-2026-11-22.json")), StringComparison.Ordinal);
        Assert.Equal(2, refused.ExitCode);
        Assert.StartsWith("newsdesk: --all-desks cannot be given with --desk", refused.Stderr.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_with_a_desk_applies_its_parties_themes_and_minimum_score()
    {
        using var temp = new TempFolder();

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, Seeded(temp), "export", "--desk", "eu", "--format", "jsonl");

        Assert.True(code == 0, stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("title").GetString()).ToList();
        Assert.Equal(["EU sets AI rules for chip makers"], rows);
    }

    [Theory]
    [InlineData("digest", "--date", "2026-11-22", "--desk", "nope")]
    [InlineData("export", "--desk", "nope")]
    public async Task An_unknown_desk_is_one_line_and_exit_2(params string[] args)
    {
        using var temp = new TempFolder();

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, Seeded(temp), args);

        Assert.Equal(2, code);
        Assert.Equal("newsdesk: --desk \"nope\" is not a desk in NewsDesk:Digest:Desks (known: gov, eu).", stderr.Trim());
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task A_bad_desk_profile_is_named_by_desk_and_field()
    {
        using var temp = new TempFolder();
        var environment = Seeded(temp);
        environment["NewsDesk__Digest__Desks__1__TimeZone"] = "Mars/Olympus";
        environment["NewsDesk__Digest__Desks__1__Recipients__0"] = "not an address";

        var (code, _, stderr) = await CliProcess.RunAsync(temp.Path, environment, "digest", "--date", "2026-11-22");

        Assert.NotEqual(0, code);
        Assert.Contains("NewsDesk:Digest:Desks:1 (\"eu\"): TimeZone \"Mars/Olympus\" is not a known time zone id", stderr, StringComparison.Ordinal);
        Assert.Contains("NewsDesk:Digest:Desks:1 (\"eu\"): Recipients: \"not an address\" is not an e-mail address.", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_theme_or_source_is_refused_rather_than_matching_nothing()
    {
        using var temp = new TempFolder();
        var environment = Seeded(temp);
        environment["NewsDesk__Digest__Desks__1__Themes__0"] = "safty_ethics";
        environment["NewsDesk__Digest__Desks__1__Sources__0"] = "goverment";

        var (code, _, stderr) = await CliProcess.RunAsync(temp.Path, environment, "digest", "--date", "2026-11-22");
        var check = await CliProcess.RunAsync(temp.Path, environment, "config", "check");

        Assert.NotEqual(0, code);
        Assert.Contains("NewsDesk:Digest:Desks:1 (\"eu\"): Themes: \"safty_ethics\" is not known (it would match nothing)", stderr, StringComparison.Ordinal);
        Assert.Contains("NewsDesk:Digest:Desks:1 (\"eu\"): Sources: \"goverment\" is not known", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("Themes: \"safty_ethics\" is not known", check.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A store with a government report, an EU press report and an untagged one, and two desks.</summary>
    private static Dictionary<string, string> Seeded(TempFolder temp)
    {
        using (var store = new LiteDbNewsStore(temp.File("news.db")))
        {
            store.Save(Articles.Make("gov1", "UK and India sign AI memorandum", Day, ["bilateral"], kind: "government", feed: "govuk"));
            var eu = Articles.Make("eu1", "EU sets AI rules for chip makers", Day, ["regulation"], feed: "techpress") with { Parties = ["European Union"], Countries = [] };
            store.Save(eu);
            store.Save(Articles.Make("eu2", "EU weighs AI research fund", Day, ["research"], feed: "techpress") with { Parties = ["European Union"], Countries = [] });
            store.Save(Articles.Make("fin", "Fintech start-up raises funds", Day, feed: "techpress") with { Parties = [], Countries = [] });
        }

        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [] }""");
        return new()
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
            ["NewsDesk__Digest__TimeZone"] = "UTC",
            ["NewsDesk__Digest__Desks__0__Id"] = "gov",
            ["NewsDesk__Digest__Desks__0__Name"] = "Government desk",
            ["NewsDesk__Digest__Desks__0__Sources__0"] = "government",
            ["NewsDesk__Digest__Desks__0__Recipients__0"] = "gov@desk.example",
            ["NewsDesk__Digest__Desks__1__Id"] = "eu",
            ["NewsDesk__Digest__Desks__1__Parties__0"] = "european union",
            ["NewsDesk__Digest__Desks__1__Themes__0"] = "regulation",
            ["NewsDesk__Digest__Desks__1__MinScore"] = "0.5",
            ["NewsDesk__Digest__Desks__1__ListUntagged"] = "false",
        };
    }
}
