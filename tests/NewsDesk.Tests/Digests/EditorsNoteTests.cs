using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Digests;
using NewsDesk.Hosting;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Digests;

/// <summary>
/// The machine-written editor's note on top stories, against a loopback server speaking the OpenAI chat-completions
/// protocol: labelled and linked in every format when the model answers; no note, one log line and the digest still
/// made when it answers 500 or not at all.
/// </summary>
public sealed class EditorsNoteTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    private const string Completion = """
        {"id":"chatcmpl-1","object":"chat.completion","created":1763900000,"model":"llama-test",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Britain and India will test AI models together.\nIt is the first such U.K. pact outside the G7. A third sentence is cut."},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":10,"completion_tokens":12,"total_tokens":22}}
        """;

    [Fact]
    public async Task A_top_story_gets_a_two_sentence_note_labelled_as_machine_written_with_its_sources_in_every_format()
    {
        var requests = new List<string>();
        await using var model = await LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (requests)
            {
                requests.Add(body);
            }

            return Results.Text(Completion, "application/json");
        }));
        using var temp = new TempFolder();
        Seed(temp);
        var settings = Settings(temp, model).ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value);
        using var tool = NewsDeskHost.CreateTool(settings);

        var published = await tool.Services.GetRequiredService<DigestPublisher>().PublishAsync(new DateOnly(2026, 11, 22), ct: TestContext.Current.CancellationToken);

        const string Note = "Britain and India will test AI models together. It is the first such U.K. pact outside the G7.";
        Assert.Equal(2, requests.Count);
        Assert.Contains(requests, r => r.Contains("UK and India sign AI memorandum", StringComparison.Ordinal));
        var pact = published.Digest.Sections.SelectMany(s => s.Entries).Single(e => e.StoryId == "s1");
        Assert.Equal(Note, pact.EditorsNote!.Text);
        Assert.Equal(["https://example.org/gov1", "https://example.org/press1"], pact.EditorsNote.Sources.Select(l => l.Url));

        Assert.Contains($"> **Editor's note, machine-written by llama-test:** {Note} Sources: [GOV.UK](<https://example.org/gov1>), [TechPress](<https://example.org/press1>)", published.Stored.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("A third sentence", published.Stored.Markdown, StringComparison.Ordinal);
        Assert.Contains("<strong>Editor's note, machine-written by llama-test:</strong> Britain and India will test AI models together.", published.Stored.Html, StringComparison.Ordinal);
        Assert.Contains("Sources: <a href=\"https://example.org/gov1\"", published.Stored.Html, StringComparison.Ordinal);
        var plain = PlainTextDigestRenderer.Render(published.Digest);
        Assert.Contains($"  Editor's note, machine-written by llama-test: {Note}\n  Sources: GOV.UK <https://example.org/gov1>, TechPress <https://example.org/press1>", plain, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(published.Stored.Json);
        var note = json.RootElement.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("entries").EnumerateArray())
            .Single(e => e.GetProperty("storyId").GetString() == "s1").GetProperty("editorsNote");
        Assert.Equal(Note, note.GetProperty("text").GetString());
        Assert.Equal("llama-test", note.GetProperty("model").GetString());
        Assert.Equal(2, note.GetProperty("sources").GetArrayLength());
    }

    [Fact]
    public async Task A_model_that_answers_500_gives_no_note_one_log_line_and_the_digest()
    {
        var stories = new List<string>();
        await using var model = await LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (stories)
            {
                stories.Add(body.Contains("Story: UK and India sign AI memorandum", StringComparison.Ordinal) ? "pact" : "other");
            }

            return Results.StatusCode(500);
        }));

        var (code, stdout, stderr) = await DigestAsync(model);

        Assert.True(code == 0, stderr);
        Assert.Contains("UK and India sign AI memorandum", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Editor's note", stdout, StringComparison.Ordinal);
        // The first failure ends the asking: the second top story's note is not tried against a model that is down
        // (the client's own retries of the first are all for the first story).
        Assert.NotEmpty(stories);
        Assert.All(stories, s => Assert.Equal("pact", s));
        Assert.Single(stderr.Split('\n'), l => l.Contains("Editor's note for", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_model_that_ignores_the_token_limit_gives_no_note_rather_than_pages_of_one()
    {
        // One "sentence" of 100,000 characters: cutting at two sentences would not shorten it.
        var flood = System.Text.Json.JsonSerializer.Serialize(new
        {
            id = "chatcmpl-2",
            @object = "chat.completion",
            created = 1763900000,
            model = "llama-test",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = string.Concat(Enumerable.Repeat("flood ", 16_700)) }, finish_reason = "stop" } },
        });
        await using var model = await LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", () => Results.Text(flood, "application/json")));

        var (code, stdout, stderr) = await DigestAsync(model);

        Assert.True(code == 0, stderr);
        Assert.Contains("UK and India sign AI memorandum", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("flood flood", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Editor's note", stdout, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n'), l => l.Contains("Editor's note for", StringComparison.Ordinal) && l.Contains("characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_model_that_never_answers_gives_no_note_and_the_digest_after_the_timeout()
    {
        await using var model = await LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", async (HttpContext c) =>
        {
            await Task.Delay(TimeSpan.FromMinutes(2), c.RequestAborted);
            return Results.Text(Completion, "application/json");
        }));

        var started = DateTime.UtcNow;
        var (code, stdout, stderr) = await DigestAsync(model);

        Assert.True(code == 0, stderr);
        Assert.Contains("UK and India sign AI memorandum", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Editor's note", stdout, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n'), l => l.Contains("Editor's note for", StringComparison.Ordinal));
        // A 2 s timeout, one note tried; the margin is for a loaded machine.
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60), stderr);
    }

    /// <summary>`digest --date 2026-11-22` through the real executable, with the editor's note configured against <paramref name="model"/>.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> DigestAsync(LoopbackServer model)
    {
        using var temp = new TempFolder();
        Seed(temp);
        return await CliProcess.RunAsync(temp.Path, Settings(temp, model), "digest", "--date", "2026-11-22");
    }

    /// <summary>A two-outlet story (s1), a one-outlet story and an untagged report: two top stories.</summary>
    private static void Seed(TempFolder temp)
    {
        using var store = new LiteDbNewsStore(temp.File("news.db"));
        store.Save(Articles.Make("gov1", "UK and India sign AI memorandum", Day, ["bilateral"], story: "s1", kind: "government"));
        store.Save(Articles.Make("press1", "Britain, India agree AI testing pact", Day.AddHours(-1), ["bilateral"], story: "s1"));
        store.Save(Articles.Make("std", "New AI code of practice", Day, ["standards"]));
        store.Save(Articles.Make("fin", "Chip maker raises funds", Day));
    }

    private static Dictionary<string, string> Settings(TempFolder temp, LoopbackServer model) => new()
    {
        ["NewsDesk__FeedsFile"] = WriteFeeds(temp),
        ["NewsDesk__Storage__Path"] = temp.File("news.db"),
        ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
        ["NewsDesk__Digest__TimeZone"] = "UTC",
        ["NewsDesk__MachineSummary__Enabled"] = "true",
        ["NewsDesk__MachineSummary__Summaries"] = "false",
        ["NewsDesk__MachineSummary__EditorsNote"] = "true",
        ["NewsDesk__MachineSummary__Endpoint"] = model.Url("v1").AbsoluteUri,
        ["NewsDesk__MachineSummary__Model"] = "test-model",
        ["NewsDesk__MachineSummary__Timeout"] = "00:00:02",
    };

    private static string WriteFeeds(TempFolder temp)
    {
        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [] }""");
        return temp.File("feeds.json");
    }
}
