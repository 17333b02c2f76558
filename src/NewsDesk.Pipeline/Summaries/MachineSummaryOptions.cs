using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Summaries;

/// <summary>
/// The optional machine-written text (configuration section "NewsDesk:MachineSummary"): story summaries and the
/// editor's note, from any OpenAI-compatible chat endpoint such as a local Ollama (http://localhost:11434/v1) or vLLM.
/// Off by default.
/// </summary>
public sealed class MachineSummaryOptions
{
    public const string Section = "NewsDesk:MachineSummary";

    public bool Enabled { get; set; }

    /// <summary>The model writes each story's summary (in place of the quoted sentences). False keeps the quoted ones.</summary>
    public bool Summaries { get; set; } = true;

    /// <summary>The model adds a two-sentence editor's note to each top story, labelled as machine-written. Off by default.</summary>
    public bool EditorsNote { get; set; }

    /// <summary>Base URL of the OpenAI-compatible API, ending in /v1.</summary>
    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>Secret: give it through the environment (NewsDesk__MachineSummary__ApiKey). Local servers accept any value.</summary>
    public string? ApiKey { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "NewsDesk:MachineSummary:Timeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Article text beyond this is not sent.</summary>
    [Range(500, 100_000, ErrorMessage = "NewsDesk:MachineSummary:MaxInputChars must be between 500 and 100000.")]
    public int MaxInputChars { get; set; } = 8000;

    public bool IsUsable => Enabled && Endpoint is not null && !string.IsNullOrWhiteSpace(Model);
}
