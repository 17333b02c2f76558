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

    /// <summary>True when at least one target is configured; `digest --deliver` without one is an error, not a silent no-op.</summary>
    public bool HasTarget => _options.Smtp.Enabled || _options.Webhook.Enabled;

    /// <returns>One outcome per configured target, in order (empty when none is configured).</returns>
    public async Task<IReadOnlyList<DeliveryOutcome>> DeliverAsync(PublishedDigest digest, CancellationToken ct)
    {
        var outcomes = new List<DeliveryOutcome>();
        if (_options.Smtp.Enabled)
        {
            var recipients = string.Join(", ", _options.Smtp.To);
            outcomes.Add(await TryAsync("smtp", recipients, () => new SmtpDigestSender(_options.Smtp).SendAsync(digest, ct), digest).ConfigureAwait(false));
        }

        if (_options.Webhook.Enabled)
        {
            var sender = new WebhookDigestSender(clients.CreateClient(ClientName), _options.Webhook);
            // The webhook URL is itself the secret (Slack-style), so only its host is named.
            outcomes.Add(await TryAsync("webhook", _options.Webhook.Url!.Host, () => sender.SendAsync(digest, ct), digest).ConfigureAwait(false));
        }

        return outcomes;
    }

    private async Task<DeliveryOutcome> TryAsync(string target, string recipient, Func<Task> send, PublishedDigest digest)
    {
        try
        {
            await send().ConfigureAwait(false);
            LogDelivered(digest.Digest.Date, target);
            return new DeliveryOutcome(target, true, recipient);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or MailKit.CommandException or MailKit.ProtocolException or System.Net.Sockets.SocketException or OperationCanceledException or MimeKit.ParseException)
        {
            LogDeliveryFailed(digest.Digest.Date, target, ex.Message);
            return new DeliveryOutcome(target, false, ex.Message);
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Digest for {Date} delivered by {Target}")]
    private partial void LogDelivered(string date, string target);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Digest for {Date} not delivered by {Target}: {Error}")]
    private partial void LogDeliveryFailed(string date, string target, string error);
}
