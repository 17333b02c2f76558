using System.Text.Json;
using NewsDesk.Feeds;

namespace NewsDesk.Tests.Feeds;

/// <summary>Per-source settings in feeds.json: resolved at load, refused with the feed and the field named, never printed in clear.</summary>
public sealed class SourceSettingsCatalogTests
{
    [Theory]
    [InlineData("\"extract\": { \"body\": \"div[[\" }", "feeds[0] (\"f\"): field \"extract.body\"")]
    [InlineData("\"extract\": { \"body\": \".ok\", \"remove\": [\".ok\", \"::nope(\"] }", "field \"extract.remove[1]\"")]
    [InlineData("\"extract\": \".release\"", "field \"extract\" must be an object")]
    [InlineData("\"headers\": { \"X-Token\": \"${NEWSDESK_TEST_UNSET_VARIABLE}\" }", "field \"headers.X-Token\" uses the environment variable NEWSDESK_TEST_UNSET_VARIABLE, which is not set")]
    [InlineData("\"headers\": { \"X-Token\": 5 }", "field \"headers.X-Token\"")]
    [InlineData("\"headers\": { \"Host\": \"example.org\" }", "field \"headers.Host\" cannot be set")]
    [InlineData("\"timeout\": \"forever\"", "field \"timeout\" must be a duration")]
    [InlineData("\"maxItems\": 0", "field \"maxItems\" must be a whole number of at least 1")]
    [InlineData("\"userAgent\": \"\"", "field \"userAgent\" must be a non-empty string")]
    public void A_bad_setting_names_the_feed_and_the_field(string extra, string message)
    {
        var ex = Assert.Throws<FeedCatalogException>(() => Load(extra));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_are_read_with_environment_references_resolved_and_print_redacted()
    {
        var variable = "NEWSDESK_TEST_TOKEN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "tok-123");

        var feed = Load($$"""
            "headers": { "Authorization": "Bearer ${{{variable}}}" }, "cookies": { "session": "abc" }, "timeout": "00:00:20", "maxItems": 3,
            "extract": { "body": "main .release", "remove": [".share", "aside"] }
            """);

        Assert.Equal("Bearer tok-123", feed.Settings.Headers["Authorization"]);
        Assert.Equal("session=abc", feed.Settings.CookieHeader);
        Assert.Equal((TimeSpan.FromSeconds(20), 3), (feed.Settings.Timeout, feed.Settings.MaxItems));
        Assert.Equal(["main .release", ".share", "aside"], [feed.Settings.Extract!.Body, .. feed.Settings.Extract.Remove]);
        Assert.DoesNotContain("tok-123", feed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("abc", feed.Settings.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_without_settings_has_none()
    {
        Assert.Same(SourceSettings.None, Load("\"enabled\": true").Settings);
    }

    private static FeedDefinition Load(string extra)
    {
        var json = $$"""{ "feeds": [ { "id": "f", "title": "f", "url": "https://example.org/feed", "kind": "press", "schedule": { "interval": "00:15:00" }, {{extra}} } ] }""";
        using var document = JsonDocument.Parse(json);
        return Assert.Single(FeedCatalog.Parse(document.RootElement, "feeds.json"));
    }
}
