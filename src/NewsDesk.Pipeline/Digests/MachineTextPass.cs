using NewsDesk.Storage;
using NewsDesk.Summaries;

namespace NewsDesk.Digests;

/// <summary>
/// The machine-written text of the digests made together (every desk's of a day), when a model is configured: each
/// story's summary, and each top story's editor's note. Each is asked for once for all the digests. A note that
/// fails (error, timeout, empty answer) is left out, and no more are asked for: the digest is not held up by a model
/// that is down, and never shows text the model did not write as if it had.
/// </summary>
internal sealed class MachineTextPass(INewsStore store, MachineSummarizer summarizer, EditorsNoteWriter notes)
{
    private readonly Dictionary<string, Summary> _summaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EditorsNote?> _notes = new(StringComparer.Ordinal);
    private bool _notesFailed;

    public async Task<Digest> ApplyAsync(Digest digest, CancellationToken ct)
    {
        if (!summarizer.IsEnabled && !notes.IsEnabled)
        {
            return digest;
        }

        var top = digest.AtAGlance.Select(g => g.StoryId).ToHashSet(StringComparer.Ordinal);
        var sections = new List<DigestSection>();
        foreach (var section in digest.Sections)
        {
            var entries = new List<DigestEntry>();
            foreach (var entry in section.Entries)
            {
                var article = summarizer.IsEnabled || top.Contains(entry.StoryId) ? store.FindArticle(entry.ArticleId) : null;
                var written = entry with { Summary = await SummaryAsync(entry, article, ct).ConfigureAwait(false) };
                if (top.Contains(entry.StoryId))
                {
                    written = written with { EditorsNote = await NoteAsync(entry, article, ct).ConfigureAwait(false) };
                }

                entries.Add(written);
            }

            sections.Add(section with { Entries = [.. entries] });
        }

        return digest with { Sections = [.. sections] };
    }

    /// <summary>The model's summary of the primary source; the extractive one when it gives none.</summary>
    private async Task<Summary> SummaryAsync(DigestEntry entry, Article? article, CancellationToken ct)
    {
        if (!summarizer.IsEnabled || article is null)
        {
            return entry.Summary;
        }

        if (!_summaries.TryGetValue(entry.ArticleId, out var summary))
        {
            summary = await summarizer.SummarizeAsync(article.Title, article.Text, entry.Url, entry.Summary, ct).ConfigureAwait(false);
            _summaries[entry.ArticleId] = summary;
        }

        return summary;
    }

    /// <summary>The note, written from the primary source's text and the other reports' headlines, which it links.</summary>
    private async Task<EditorsNote?> NoteAsync(DigestEntry entry, Article? article, CancellationToken ct)
    {
        if (!notes.IsEnabled || article is null)
        {
            return null;
        }

        // Keyed by the reports too: a desk that sees fewer of them gets a note written from those it sees.
        var key = string.Join('\u001f', [entry.ArticleId, .. entry.AlsoReportedBy.Select(l => l.Url)]);
        if (_notes.TryGetValue(key, out var held))
        {
            return held;
        }

        EditorsNote? note = null;
        if (!_notesFailed)
        {
            NoteSource[] sources = [new(article.Title, article.Source, article.Text), .. entry.AlsoReportedBy.Select(l => new NoteSource(l.Title, l.Source, ""))];
            var text = await notes.WriteAsync(entry.Headline, sources, ct).ConfigureAwait(false);
            _notesFailed = text is null;
            note = text is null ? null : new EditorsNote(text.Text, text.Model, [new DigestLink(entry.Headline, entry.Url, entry.Source), .. entry.AlsoReportedBy]);
        }

        _notes[key] = note;
        return note;
    }
}
