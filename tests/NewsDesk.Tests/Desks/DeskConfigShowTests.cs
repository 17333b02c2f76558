using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Desks;

/// <summary>`config show` with desks: a desk's webhook and its alert's are secrets (Slack-style URLs), never printed.</summary>
public sealed class DeskConfigShowTests
{
    [Fact]
    public async Task Desk_webhooks_are_redacted()
    {
        using var temp = new TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["NewsDesk__Digest__Desks__0__Id"] = "eu",
            ["NewsDesk__Digest__Desks__0__Webhook"] = "https://hooks.example.org/services/T000/B000/desk-secret",
            ["NewsDesk__Digest__Desks__0__Alert__Webhook"] = "https://hooks.example.org/services/T000/B000/alert-secret",
        };

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, environment, "config", "show");

        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("desk-secret", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("alert-secret", stdout, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var desk = json.RootElement.GetProperty("NewsDesk").GetProperty("Digest").GetProperty("Desks")[0];
        Assert.Equal("eu", desk.GetProperty("Id").GetString());
        Assert.Equal("***", desk.GetProperty("Webhook").GetString());
        Assert.Equal("***", desk.GetProperty("Alert").GetProperty("Webhook").GetString());
    }
}
