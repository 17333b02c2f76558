using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsDesk.Summaries;

/// <summary>
/// Asks a language model for a two-to-three sentence summary of a story's primary source. Its text is labelled as
/// machine-written and keeps the source link. Any error, refusal or timeout falls back to the extractive summary,
/// so the digest never waits on or fails because of the model.
/// </summary>
public sealed partial class MachineSummarizer(IOptions<MachineSummaryOptions> options, ILogger<MachineSummarizer> logger)
{
    private const string Instructions =
        "You summarise news for an editorial desk that follows international cooperation on AI. " +
        "Write two or three plain sentences that state who agreed or announced what, with whom, and when, " +
        "using only facts in the article. No opinions, no preamble, no markdown.";

    private readonly MachineSummaryOptions _options = options.Value;
    private readonly IChatClient? _client = options.Value.IsUsable && options.Value.Summaries ? MachineChat.CreateClient(options.Value) : null;

    public bool IsEnabled => _client is not null;

    public async Task<Summary> SummarizeAsync(string title, string text, string sourceUrl, Summary fallback, CancellationToken ct)
    {
        if (!IsEnabled)
        {
            return fallback;
        }

        try
        {
            var body = text.Length > _options.MaxInputChars ? text[.._options.MaxInputChars] : text;
            var answer = await MachineChat.AskAsync(_client!, _options, Instructions, $"Headline: {title}\n\nArticle:\n{body}", 200, ct).ConfigureAwait(false);
            if (answer is null)
            {
                LogFellBack(sourceUrl, "the model returned no text");
                return fallback;
            }

            return new Summary
            {
                Method = SummaryMethods.Machine,
                Model = answer.Model,
                Sentences = [new SummarySentence { Text = answer.Text, SentenceIndex = -1, Start = 0, Length = 0, SourceUrl = sourceUrl }],
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Deliberately broad: whatever the model endpoint does (HTTP errors, malformed JSON, timeouts), the
            // extractive summary is a correct answer, and the reason is logged.
            LogFellBack(sourceUrl, ex.Message);
            return fallback;
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Machine summary of {Url} failed, kept the extractive summary: {Reason}")]
    private partial void LogFellBack(string url, string reason);
}
