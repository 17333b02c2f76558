using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsDesk.Digests;
using NewsDesk.Digests.Delivery;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Digests;

public sealed class DigestDeliveryTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Smtp_sends_html_with_a_plain_text_alternative_to_every_recipient()
    {
        await using var smtp = new FakeSmtpServer();
        var delivery = Delivery(new DeliveryOptions
        {
            Smtp = new SmtpDeliveryOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "None", From = "desk@example.org", To = ["editor@example.org", "analyst@example.org"] },
        });

        var outcomes = await delivery.DeliverAsync(Published(), TestContext.Current.CancellationToken);

        Assert.All(outcomes, o => Assert.True(o.Sent));
        var message = Assert.Single(smtp.Messages);
        Assert.Equal(["<editor@example.org>", "<analyst@example.org>"], message.To);
        Assert.Contains("Subject: NewsDesk digest for 2026-11-22", message.Data);
        Assert.Contains("text/html", message.Data);
        Assert.Contains("text/plain", message.Data);
    }

    [Fact]
    public async Task The_plain_text_part_shows_source_text_as_written_not_as_entities()
    {
        await using var smtp = new FakeSmtpServer();
        var delivery = Delivery(new DeliveryOptions
        {
            Smtp = new SmtpDeliveryOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "None", From = "desk@example.org", To = ["editor@example.org"] },
        });

        await delivery.DeliverAsync(Published("Pact <script>alert(1)</script> & sealed"), TestContext.Current.CancellationToken);

        using var data = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Assert.Single(smtp.Messages).Data));
        var message = await MimeKit.MimeMessage.LoadAsync(data, TestContext.Current.CancellationToken);
        Assert.Contains("Pact <script>alert(1)</script> & sealed", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_posts_slack_compatible_json_with_escaped_headlines()
    {
        string? body = null;
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/hook", async (HttpContext c) =>
        {
            body = await new StreamReader(c.Request.Body).ReadToEndAsync();
            return Results.Ok();
        }));
        var delivery = Delivery(new DeliveryOptions { Webhook = new WebhookDeliveryOptions { Url = server.Url("hook") } });

        var outcomes = await delivery.DeliverAsync(Published("Pact <signed> & sealed"), TestContext.Current.CancellationToken);

        Assert.True(Assert.Single(outcomes).Sent);
        var json = JsonDocument.Parse(body!).RootElement;
        Assert.StartsWith("NewsDesk digest for 2026-11-22", json.GetProperty("text").GetString());
        var blocks = json.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("text").GetProperty("text").GetString()).ToList();
        Assert.Contains(blocks, b => b!.Contains("Pact &lt;signed&gt; &amp; sealed", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b!.Contains("<https://example.org/a1|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_target_is_reported_and_does_not_stop_the_others()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/hook", () => Results.Ok()));
        var delivery = Delivery(new DeliveryOptions
        {
            Smtp = new SmtpDeliveryOptions { Host = "127.0.0.1", Port = 1, Security = "None", To = ["editor@example.org"] },
            Webhook = new WebhookDeliveryOptions { Url = server.Url("hook") },
        });

        var outcomes = await delivery.DeliverAsync(Published(), TestContext.Current.CancellationToken);

        Assert.Single(outcomes, o => o is { Target: "smtp", Sent: false });
        Assert.Single(outcomes, o => o is { Target: "webhook", Sent: true });
        Assert.Equal(1, server.Requests);
    }

    private static DigestDelivery Delivery(DeliveryOptions options)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(DigestDelivery.ClientName);
        var clients = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new DigestDelivery(Options.Create(options), clients, NullLogger<DigestDelivery>.Instance);
    }

    private static PublishedDigest Published(string title = "UK and India sign AI memorandum")
    {
        var digest = new DigestBuilder(null!, TimeProvider.System).Build(new DateOnly(2026, 11, 22), TimeZoneInfo.Utc, [Articles.Make("a1", title, Day, ["bilateral"])]);
        var stored = new StoredDigest { Id = digest.Date, Html = HtmlDigestRenderer.Render(digest, false), Markdown = MarkdownDigestRenderer.Render(digest, false) };
        return new PublishedDigest(digest, stored, []);
    }
}
