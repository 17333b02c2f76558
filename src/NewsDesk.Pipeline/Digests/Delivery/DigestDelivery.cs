using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDesk.Desks;

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

    /// <summary>True when the desk (or, for null, the default digest) has somewhere to go.</summary>
    public bool HasTargetFor(DeskOptions? desk)
    {
        var (smtp, webhook) = Targets(desk);
        return smtp.Enabled || webhook.Enabled;
    }

    /// <param name="desk">The desk whose targets to use (its recipients, through the configured SMTP server, and its
    /// webhook); null for the default digest's targets.</param>
    /// <returns>One outcome per configured target, in order (empty when none is configured).</returns>
    public async Task<IReadOnlyList<DeliveryOutcome>> DeliverAsync(PublishedDigest digest, CancellationToken ct, DeskOptions? desk = null)
    {
        var (smtp, webhook) = Targets(desk);
        var outcomes = new List<DeliveryOutcome>();
        if (smtp.Enabled)
        {
            var recipients = string.Join(", ", smtp.To);
            outcomes.Add(await TryAsync("smtp", recipients, () => new SmtpDigestSender(smtp).SendAsync(digest, ct), digest).ConfigureAwait(false));
        }

        if (webhook.Enabled)
        {
            var sender = new WebhookDigestSender(clients.CreateClient(ClientName), webhook);
            // The webhook URL is itself the secret (Slack-style), so only its host is named.
            outcomes.Add(await TryAsync("webhook", webhook.Url!.Host, () => sender.SendAsync(digest, ct), digest).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>A desk's own targets: the SMTP server settings with its recipients, and its webhook. Never the default digest's lists.</summary>
    private (SmtpDeliveryOptions Smtp, WebhookDeliveryOptions Webhook) Targets(DeskOptions? desk)
    {
        if (desk is null)
        {
            return (_options.Smtp, _options.Webhook);
        }

        var smtp = new SmtpDeliveryOptions
        {
            Host = _options.Smtp.Host,
            Port = _options.Smtp.Port,
            Security = _options.Smtp.Security,
            Username = _options.Smtp.Username,
            Password = _options.Smtp.Password,
            From = _options.Smtp.From,
            To = [.. desk.Recipients],
        };
        return (smtp, new WebhookDeliveryOptions { Url = desk.Webhook, DigestBaseUrl = _options.Webhook.DigestBaseUrl });
    }

    private async Task<DeliveryOutcome> TryAsync(string target, string recipient, Func<Task> send, PublishedDigest digest)
    {
        try
        {
            await send().ConfigureAwait(false);
            LogDelivered(digest.Digest.Date, digest.Digest.Desk ?? "default", target);
            return new DeliveryOutcome(target, true, recipient);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or MailKit.CommandException or MailKit.ProtocolException or System.Net.Sockets.SocketException or OperationCanceledException or MimeKit.ParseException)
        {
            LogDeliveryFailed(digest.Digest.Date, digest.Digest.Desk ?? "default", target, ex.Message);
            return new DeliveryOutcome(target, false, ex.Message);
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Digest for {Date} (desk {Desk}) delivered by {Target}")]
    private partial void LogDelivered(string date, string desk, string target);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Digest for {Date} (desk {Desk}) not delivered by {Target}: {Error}")]
    private partial void LogDeliveryFailed(string date, string desk, string target, string error);
}
