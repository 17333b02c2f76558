namespace NewsDesk.Summaries;

/// <summary>Text a language model wrote, with the model that wrote it, so it can be labelled as such.</summary>
public sealed record MachineText(string Text, string Model);
