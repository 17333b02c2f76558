using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Digests.Delivery;

/// <summary>Where a published digest is sent besides the output folder (configuration section "NewsDesk:Delivery"). All off by default.</summary>
public sealed class DeliveryOptions : IValidatableObject
{
    public const string Section = "NewsDesk:Delivery";

    public SmtpDeliveryOptions Smtp { get; set; } = new();

    public WebhookDeliveryOptions Webhook { get; set; } = new();

    // Data annotations do not descend into nested objects, so the SMTP settings are checked here. A host with no
    // recipients is the one setting that used to switch delivery off without a word.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var nested = new List<ValidationResult>();
        Validator.TryValidateObject(Smtp, new ValidationContext(Smtp), nested, validateAllProperties: true);
        foreach (var result in nested)
        {
            yield return result;
        }

        if (!string.IsNullOrWhiteSpace(Smtp.Host) && Smtp.To.Count == 0)
        {
            yield return new ValidationResult("NewsDesk:Delivery:Smtp:To is empty but NewsDesk:Delivery:Smtp:Host is set: give one or more recipients, e.g. NewsDesk__Delivery__Smtp__To=a@example.org,b@example.org.", [nameof(Smtp) + "." + nameof(Smtp.To)]);
        }

        foreach (var address in Smtp.To.Where(a => !MimeKit.MailboxAddress.TryParse(a, out _)))
        {
            yield return new ValidationResult($"NewsDesk:Delivery:Smtp:To: \"{address}\" is not an e-mail address.", [nameof(Smtp) + "." + nameof(Smtp.To)]);
        }

        if (!MimeKit.MailboxAddress.TryParse(Smtp.From, out _))
        {
            yield return new ValidationResult($"NewsDesk:Delivery:Smtp:From: \"{Smtp.From}\" is not an e-mail address.", [nameof(Smtp) + "." + nameof(Smtp.From)]);
        }
    }
}

/// <summary>E-mail through an SMTP server (MailKit). Enabled when Host and To are set.</summary>
public sealed class SmtpDeliveryOptions
{
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "NewsDesk:Delivery:Smtp:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 587;

    /// <summary>Auto (STARTTLS when offered), StartTls, SslOnConnect or None.</summary>
    [RegularExpression("^(?i)(auto|starttls|sslonconnect|none)$", ErrorMessage = "NewsDesk:Delivery:Smtp:Security must be Auto, StartTls, SslOnConnect or None.")]
    public string Security { get; set; } = "Auto";

    public string? Username { get; set; }

    /// <summary>Secret: give it through the environment (NewsDesk__Delivery__Smtp__Password), not a file.</summary>
    public string? Password { get; set; }

    public string From { get; set; } = "NewsDesk <newsdesk@localhost>";

    /// <summary>
    /// The recipients. In JSON a list; in the environment either NewsDesk__Delivery__Smtp__To__0, __To__1... or one
    /// value, NewsDesk__Delivery__Smtp__To=a@example.org,b@example.org (commas or semicolons), added by <see cref="AddRecipients"/>.
    /// </summary>
    public List<string> To { get; set; } = [];

    /// <summary>Adds the addresses in a single configuration value (the binder leaves a scalar `To` out of a list).</summary>
    public void AddRecipients(string? list)
    {
        if (!string.IsNullOrWhiteSpace(list))
        {
            To.AddRange(list.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }

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
