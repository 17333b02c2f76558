using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Digests;

/// <summary>`digest --deliver` through the real executable, configured through the environment as operators do.</summary>
public sealed class DigestDeliverCommandTests
{
    [Fact]
    public async Task A_recipient_list_in_one_environment_variable_is_delivered_to_and_each_outcome_printed()
    {
        await using var smtp = new FakeSmtpServer();
        using var temp = new TempFolder();
        var environment = Environment(temp);
        environment["NewsDesk__Delivery__Smtp__Host"] = "127.0.0.1";
        environment["NewsDesk__Delivery__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["NewsDesk__Delivery__Smtp__Security"] = "None";
        environment["NewsDesk__Delivery__Smtp__To"] = "editor@desk.example; analyst@desk.example";

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, environment, "digest", "--date", "2026-11-22", "--deliver");

        Assert.True(code == 0, stdout + stderr);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal(["<editor@desk.example>", "<analyst@desk.example>"], message.To);
        Assert.Contains("delivered: smtp: sent to editor@desk.example, analyst@desk.example", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_with_no_target_configured_exits_1_and_says_so()
    {
        using var temp = new TempFolder();

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, Environment(temp), "digest", "--date", "2026-11-22", "--deliver");

        Assert.Equal(1, code);
        Assert.Equal("newsdesk: --deliver: no delivery target is configured (set NewsDesk:Delivery:Smtp:Host and NewsDesk:Delivery:Smtp:To, or NewsDesk:Delivery:Webhook:Url)", stderr.Trim());
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task A_failing_target_is_named_with_its_reason_and_exits_1()
    {
        using var temp = new TempFolder();
        var environment = Environment(temp);
        environment["NewsDesk__Delivery__Smtp__Host"] = "127.0.0.1";
        environment["NewsDesk__Delivery__Smtp__Port"] = "1";
        environment["NewsDesk__Delivery__Smtp__Security"] = "None";
        environment["NewsDesk__Delivery__Smtp__To"] = "editor@desk.example";

        var (code, _, stderr) = await CliProcess.RunAsync(temp.Path, environment, "digest", "--date", "2026-11-22", "--deliver");

        Assert.Equal(1, code);
        Assert.Contains("newsdesk: delivery smtp: failed: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    /// <summary>Settings for a digest of an empty store, which exists: only ingest, demo and run create one.</summary>
    private static Dictionary<string, string> Environment(TempFolder temp)
    {
        new LiteDbNewsStore(temp.File("news.db")).Dispose();
        return new()
        {
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
            ["NewsDesk__Digest__TimeZone"] = "UTC",
        };
    }
}
