using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDesk.Text;

namespace NewsDesk.Summaries;

/// <summary>
/// Asks the language model for a two-sentence editor's note on a top story, from its reports. The caller labels it as
/// machine-written and links the reports. Any error, empty answer or timeout gives no note (and one log line): never
/// text of our own in its place.
/// </summary>
public sealed partial class EditorsNoteWriter(IOptions<MachineSummaryOptions> options, ILogger<EditorsNoteWriter> logger)
{
    private const string Instructions =
        "You write a short editor's note for a news desk that follows international cooperation on AI. " +
        "In exactly two plain sentences, say what the story is and why it matters to that desk, " +
        "using only facts in the reports given. No preamble, no markdown, no facts from elsewhere.";

    private readonly MachineSummaryOptions _options = options.Value;
    private readonly IChatClient? _client = options.Value.IsUsable && options.Value.EditorsNote ? MachineChat.CreateClient(options.Value) : null;

    public bool IsEnabled => _client is not null;

    /// <returns>The note and the model that wrote it, or null when there is none to show.</returns>
    public async Task<MachineText?> WriteAsync(string headline, IReadOnlyList<NoteSource> sources, CancellationToken ct)
    {
        if (!IsEnabled)
        {
            return null;
        }

        try
        {
            var answer = await MachineChat.AskAsync(_client!, _options, Instructions, Prompt(headline, sources), 160, ct).ConfigureAwait(false);
            if (answer is null)
            {
                LogNoNote(headline, "the model returned no text");
                return null;
            }

            return answer with { Text = FirstTwoSentences(answer.Text) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Deliberately broad, as for the machine summary: no note is a correct answer, and the reason is logged.
            LogNoNote(headline, ex is OperationCanceledException ? $"no answer within {_options.Timeout}" : ex.Message);
            return null;
        }
    }

    /// <summary>The reports, primary first, each cut so that all of them fit in <see cref="MachineSummaryOptions.MaxInputChars"/>.</summary>
    private string Prompt(string headline, IReadOnlyList<NoteSource> sources)
    {
        var each = Math.Max(200, _options.MaxInputChars / Math.Max(1, sources.Count));
        var prompt = new StringBuilder($"Story: {headline}\n");
        for (var i = 0; i < sources.Count; i++)
        {
            var text = sources[i].Text.Length > each ? sources[i].Text[..each] : sources[i].Text;
            prompt.Append($"\nReport {i + 1} ({sources[i].Source ?? "unnamed source"}): {sources[i].Title}\n{text}\n");
        }

        return prompt.ToString();
    }

    /// <summary>
    /// The answer (on one line already), cut after its second sentence (as <see cref="SentenceSplitter"/> finds them, so "U.S." does
    /// not end one): the note is two sentences, whatever the model wrote.
    /// </summary>
    internal static string FirstTwoSentences(string answer)
    {
        var sentences = SentenceSplitter.Split(answer);
        return sentences.Count > 2 ? answer[..(sentences[1].Start + sentences[1].Length)].TrimEnd() : answer;
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Editor's note for {Headline} not written, and no more asked for in this run: {Reason}")]
    private partial void LogNoNote(string headline, string reason);
}
