using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Digests.Delivery;

/// <summary>Where a published digest is sent besides the output folder (configuration section "NewsDesk:Delivery"). All off by default.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "NewsDesk:Delivery";

    public SmtpDeliveryOptions Smtp { get; set; } = new();

    public WebhookDeliveryOptions Webhook { get; set; } = new();
}

/// <summary>E-mail through an SMTP server (MailKit). Enabled when Host and To are set.</summary>
public sealed class SmtpDeliveryOptions
{
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "NewsDesk:Delivery:Smtp:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 587;

    /// <summary>Auto (STARTTLS when offered), StartTls, SslOnConnect or None.</summary>
    public string Security { get; set; } = "Auto";

    public string? Username { get; set; }

    /// <summary>Secret: give it through the environment (NewsDesk__Delivery__Smtp__Password), not a file.</summary>
    public string? Password { get; set; }

    public string From { get; set; } = "NewsDesk <newsdesk@localhost>";

    public List<string> To { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(Host) && To.Count > 0;
}

/// <summary>A POST of Slack-compatible JSON ({"text": ..., "blocks": [...]}). Enabled when Url is set.</summary>
public sealed class WebhookDeliveryOptions
{
    public Uri? Url { get; set; }

    /// <summary>Link to the full digest, put at the end of the message (for example the worker's /digests/{date} page).</summary>
    public Uri? DigestBaseUrl { get; set; }

    public bool Enabled => Url is not null;
}
