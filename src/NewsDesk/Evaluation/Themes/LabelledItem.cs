namespace NewsDesk.Evaluation.Themes;

/// <summary>One gold item of a themes data set (items.jsonl): the text the labeller saw and the themes they gave.</summary>
internal sealed record LabelledItem(string Id, string Title, string? Lede, string[] Themes, string[] Parties);
