using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsDesk.Digests.Delivery;

/// <summary>
/// Sends a published digest to every configured target. Each target is tried on its own: one failing (a mail server
/// down) is logged with its reason and does not stop the others; the digest itself is already stored and written.
/// </summary>
public sealed partial class DigestDelivery(IOptions<DeliveryOptions> options, IHttpClientFactory clients, ILogger<DigestDelivery> logger)
{
    /// <summary>The webhook is the operator's own endpoint, so it is not behind the feed fetcher's address guard.</summary>
    public const string ClientName = "newsdesk-delivery";

    private readonly DeliveryOptions _options = options.Value;

    /// <returns>The targets that failed, with their reasons (empty when all succeeded or none is configured).</returns>
    public async Task<IReadOnlyList<string>> DeliverAsync(PublishedDigest digest, CancellationToken ct)
    {
        var failures = new List<string>();
        if (_options.Smtp.Enabled)
        {
            await TryAsync("smtp", () => new SmtpDigestSender(_options.Smtp).SendAsync(digest, ct), digest, failures).ConfigureAwait(false);
        }

        if (_options.Webhook.Enabled)
        {
            var sender = new WebhookDigestSender(clients.CreateClient(ClientName), _options.Webhook);
            await TryAsync("webhook", () => sender.SendAsync(digest, ct), digest, failures).ConfigureAwait(false);
        }

        return failures;
    }

    private async Task TryAsync(string target, Func<Task> send, PublishedDigest digest, List<string> failures)
    {
        try
        {
            await send().ConfigureAwait(false);
            LogDelivered(digest.Digest.Date, target);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or MailKit.CommandException or MailKit.ProtocolException or System.Net.Sockets.SocketException or OperationCanceledException or MimeKit.ParseException)
        {
            failures.Add($"{target}: {ex.Message}");
            LogDeliveryFailed(digest.Digest.Date, target, ex.Message);
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Digest for {Date} delivered by {Target}")]
    private partial void LogDelivered(string date, string target);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Digest for {Date} not delivered by {Target}: {Error}")]
    private partial void LogDeliveryFailed(string date, string target, string error);
}
