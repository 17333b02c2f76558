namespace NewsDesk.Summaries;

/// <summary>One report of a story, as the editor's note is written from it.</summary>
public sealed record NoteSource(string Title, string? Source, string Text);
