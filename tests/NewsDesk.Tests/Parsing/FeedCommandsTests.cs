using NewsDesk.Commands;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Parsing;

public sealed class FeedCommandsTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Parsing");

    [Fact]
    public void Eval_feeds_with_a_missing_folder_is_bad_usage() =>
        Assert.Equal(2, EvalFeedsCommand.Create().Parse(["--data", Path.Combine(Fixtures, "no-such-folder")]).Invoke());

    [Fact]
    public void Inspect_with_a_missing_file_is_bad_usage() =>
        Assert.Equal(2, FeedsInspectCommand.Create().Parse([Path.Combine(Fixtures, "no-such-file.xml")]).Invoke());

    [Fact]
    public void Inspect_of_a_document_that_is_not_a_feed_fails() =>
        Assert.Equal(1, FeedsInspectCommand.Create().Parse([Path.Combine(Fixtures, "unknown-root", "input.xml")]).Invoke());

    [Fact]
    public async Task Inspect_of_a_saved_file_resolves_relative_links_against_the_base_url_given()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("saved.xml"), """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Saved</title><link>/news</link>
              <item><title>One</title><link>/news/one</link><guid isPermaLink="false">one</guid></item>
            </channel></rss>
            """);

        var run = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>(), "feeds", "inspect", "saved.xml", "--base-url", "https://desk.example/feeds/rss");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("https://desk.example/news/one", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_with_a_base_url_that_is_not_a_url_is_bad_usage_in_one_line()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("saved.xml"), "<rss version=\"2.0\"><channel><title>t</title></channel></rss>");

        var run = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>(), "feeds", "inspect", "saved.xml", "--base-url", "notaurl");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--base-url 'notaurl' must be an absolute http(s) URL", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }
}
