namespace NewsDesk.Stories;

/// <summary>One report to group into stories: its id, headline, text (or lede), date and named parties.</summary>
public sealed record StoryItem(string Id, string Title, string Text, DateTimeOffset? Date, IReadOnlyCollection<string> Entities);
