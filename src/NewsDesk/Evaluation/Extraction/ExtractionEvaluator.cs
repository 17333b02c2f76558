using System.Diagnostics;
using System.Text.Json;
using NewsDesk.Extraction;
using NewsDesk.Extraction.Batch;

namespace NewsDesk.Evaluation.Extraction;

/// <summary>
/// Scores the extractor on a data folder laid out like extraction-dev (pages/ + expected.jsonl),
/// reading and extracting each page exactly as the extract command does.
/// </summary>
public sealed class ExtractionEvaluator(ArticleExtractor extractor)
{
    public (ExtractionSummary Summary, TimeSpan Elapsed) Evaluate(string dataDirectory, CancellationToken cancellationToken)
    {
        var expected = ExpectedPage.Load(Path.Combine(dataDirectory, "expected.jsonl")).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var scored = new List<ScoredPage>();
        var elapsed = TimeSpan.Zero;
        foreach (var page in PageFile.List(Path.Combine(dataDirectory, "pages")))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!expected.TryGetValue(page.Id, out var truth))
            {
                continue;
            }

            var bytes = page.ReadBytes();
            var url = Uri.TryCreate(truth.Url, UriKind.Absolute, out var parsed) ? parsed : null;
            var started = Stopwatch.GetTimestamp();
            var article = extractor.Extract(bytes, null, url);
            elapsed += Stopwatch.GetElapsedTime(started);
            scored.Add(new ScoredPage(page.Id, ShingleScorer.Score(truth.Body, article.Text),
                TitleMatcher.Matches(truth.Title, article.Title), article.IsArticle, article.NotArticleReason));
        }

        return (new ExtractionSummary(scored), elapsed);
    }

    /// <summary>Scores a reference extractor's saved output (reference/*.jsonl: id, text) with the same rule.</summary>
    public static ExtractionSummary ScoreReference(string dataDirectory, string referenceFile)
    {
        var expected = ExpectedPage.Load(Path.Combine(dataDirectory, "expected.jsonl")).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var scored = new List<ScoredPage>();
        foreach (var line in File.ReadLines(referenceFile))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var id = json.RootElement.GetProperty("id").GetString()!;
            var text = json.RootElement.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
            if (expected.TryGetValue(id, out var truth))
            {
                scored.Add(new ScoredPage(id, ShingleScorer.Score(truth.Body, text), false, true, null));
            }
        }

        return new ExtractionSummary(scored);
    }
}
