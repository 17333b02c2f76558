using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsDesk.Digests.Delivery;

/// <summary>
/// Posts the digest's top stories as Slack-compatible JSON: a plain `text` fallback plus `blocks` with one section
/// per theme. Slack's mrkdwn treats &amp;, &lt; and &gt; as control characters, so source text is escaped.
/// </summary>
public sealed class WebhookDigestSender(HttpClient client, WebhookDeliveryOptions options)
{
    private const int MaxStoriesPerSection = 5;

    public async Task SendAsync(PublishedDigest digest, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync(options.Url, Payload(digest.Digest, options.DigestBaseUrl), ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public static JsonObject Payload(Digest digest, Uri? digestBaseUrl)
    {
        var title = $"{digest.Title}: {digest.StoryCount} stories from {digest.ArticleCount} articles";
        var blocks = new JsonArray { Section($"*{Escape(title)}*") };
        foreach (var section in digest.Sections)
        {
            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"*{Escape(section.Heading)}*");
            foreach (var entry in section.Entries.Take(MaxStoriesPerSection))
            {
                var also = entry.AlsoReportedBy.Length > 0 ? $" (+{entry.AlsoReportedBy.Length} more)" : "";
                text.Append(CultureInfo.InvariantCulture, $"\n• <{entry.Url}|{Escape(entry.Headline)}> — {Escape(entry.Source ?? "")}{also}");
            }

            blocks.Add(Section(text.ToString()));
        }

        if (digestBaseUrl is not null)
        {
            blocks.Add(Section($"<{new Uri(digestBaseUrl, digest.Date)}|Full digest>"));
        }

        return new JsonObject { ["text"] = title, ["blocks"] = blocks };
    }

    private static JsonObject Section(string markdown) =>
        new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = markdown } };

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
