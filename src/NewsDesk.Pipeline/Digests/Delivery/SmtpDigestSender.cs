using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace NewsDesk.Digests.Delivery;

/// <summary>Sends the digest as one e-mail: the sanitised HTML with a plain-text rendering (not the escaped Markdown) as the alternative.</summary>
public sealed class SmtpDigestSender(SmtpDeliveryOptions options)
{
    public async Task SendAsync(PublishedDigest digest, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        foreach (var to in options.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Subject = $"{digest.Digest.Title}: {digest.Digest.StoryCount} stories";
        message.Body = new BodyBuilder { HtmlBody = digest.Stored.Html, TextBody = PlainTextDigestRenderer.Render(digest.Digest) }.ToMessageBody();

        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(options.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await client.ConnectAsync(options.Host!, options.Port, security, ct).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(options.Username))
        {
            await client.AuthenticateAsync(options.Username, options.Password ?? "", ct).ConfigureAwait(false);
        }

        await client.SendAsync(message, ct).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, ct).ConfigureAwait(false);
    }
}
