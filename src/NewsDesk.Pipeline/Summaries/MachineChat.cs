using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace NewsDesk.Summaries;

/// <summary>The one chat client setup and request the machine-written summary and editor's note share.</summary>
internal static class MachineChat
{
    /// <summary>Any OpenAI-compatible chat completions endpoint (OpenAI, Ollama, vLLM, LM Studio...).</summary>
    public static IChatClient CreateClient(MachineSummaryOptions options) =>
        new ChatClient(options.Model!, new ApiKeyCredential(options.ApiKey ?? "not-needed"), new OpenAIClientOptions { Endpoint = options.Endpoint, NetworkTimeout = options.Timeout })
            .AsIChatClient();

    /// <summary>
    /// The model's answer on one line, with the model that gave it; null for an empty answer. Throws on an error or an
    /// answer far over <paramref name="maxTokens"/>, and
    /// <see cref="OperationCanceledException"/> after <see cref="MachineSummaryOptions.Timeout"/>: the caller decides
    /// what stands in for it.
    /// </summary>
    public static async Task<MachineText?> AskAsync(IChatClient client, MachineSummaryOptions options, string instructions, string prompt, int maxTokens, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        var response = await client.GetResponseAsync(
            [new Microsoft.Extensions.AI.ChatMessage(ChatRole.System, instructions), new Microsoft.Extensions.AI.ChatMessage(ChatRole.User, prompt)],
            new ChatOptions { ModelId = options.Model, Temperature = 0.2f, MaxOutputTokens = maxTokens },
            timeout.Token).ConfigureAwait(false);
        var text = string.Join(' ', (response.Text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        // A server that ignores the token limit is not followed: no note or summary rather than pages of it in a digest.
        // A token is about four characters of English; twice that leaves room for long words and other languages.
        var most = maxTokens * 8;
        if (text.Length > most)
        {
            throw new InvalidDataException($"the model's answer ran to {text.Length} characters, over the {most} its {maxTokens} tokens allow");
        }

        return text.Length == 0 ? null : new MachineText(text, response.ModelId ?? options.Model!);
    }
}
