using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace NewsDesk.Summaries;

/// <summary>The one chat client setup the machine-written summary and editor's note share.</summary>
internal static class MachineChat
{
    /// <summary>Any OpenAI-compatible chat completions endpoint (OpenAI, Ollama, vLLM, LM Studio...).</summary>
    public static IChatClient CreateClient(MachineSummaryOptions options) =>
        new ChatClient(options.Model!, new ApiKeyCredential(options.ApiKey ?? "not-needed"), new OpenAIClientOptions { Endpoint = options.Endpoint, NetworkTimeout = options.Timeout })
            .AsIChatClient();
}
