using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using NewsDesk.Desks;
using NewsDesk.Digests;
using NewsDesk.Digests.Delivery;
using NewsDesk.Storage;

namespace NewsDesk.Alerts;

/// <summary>
/// Sends one story's alert: Slack-compatible JSON ({"text": ...}) to the alert's webhook and a short plain-text e-mail
/// through the digest's SMTP server. Throws on failure; the alerter keeps the story to try again.
/// </summary>
public sealed class AlertSender(HttpClient client, SmtpDeliveryOptions smtp)
{
    public static string Text(DeskOptions desk, Article article)
    {
        var lines = new List<string> { $"{desk.DisplayName} alert: {article.Title} ({article.Source ?? new Uri(article.Url).Host}) {article.Url}" };
        if (article.Parties.Length > 0)
        {
            lines.Add("Parties: " + string.Join(", ", article.Parties));
        }

        if (article.Tags.Length > 0)
        {
            lines.Add("Themes: " + string.Join(", ", article.Tags.Select(t => ThemeHeadings.Label(t.Theme))));
        }

        return string.Join('\n', lines);
    }

    public async Task SendAsync(DeskOptions desk, DeskAlertOptions alert, Article article, CancellationToken ct)
    {
        var text = Text(desk, article);
        if (alert.Webhook is { } hook)
        {
            using var response = await client.PostAsJsonAsync(hook, new { text }, ct).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }

        if (alert.Recipients.Count > 0)
        {
            if (string.IsNullOrWhiteSpace(smtp.Host))
            {
                throw new IOException($"alert for desk {desk.Id}: Recipients are set but NewsDesk:Delivery:Smtp:Host is not");
            }

            var message = new MimeMessage { Subject = $"{desk.DisplayName} alert: {article.Title}" };
            message.From.Add(MailboxAddress.Parse(smtp.From));
            message.To.AddRange(alert.Recipients.Select(MailboxAddress.Parse));
            message.Body = new TextPart("plain") { Text = text };
            using var mail = new SmtpClient();
            var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
            await mail.ConnectAsync(smtp.Host, smtp.Port, security, ct).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await mail.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct).ConfigureAwait(false);
            }

            await mail.SendAsync(message, ct).ConfigureAwait(false);
            await mail.DisconnectAsync(quit: true, ct).ConfigureAwait(false);
        }
    }
}
