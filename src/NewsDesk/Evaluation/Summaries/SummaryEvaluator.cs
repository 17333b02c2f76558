using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsDesk.Summaries;
using NewsDesk.Text;

namespace NewsDesk.Evaluation.Summaries;

/// <summary>
/// <c>eval summaries</c>: scores <see cref="ExtractiveSummarizer"/> and a lead-3 baseline with ROUGE against
/// publishers' standfirsts: extraction-dev pages (og:/meta description against the ground-truth body) and the
/// GOV.UK samples (Atom summary against page text; content item description against its body).
/// </summary>
internal static partial class SummaryEvaluator
{
    public const string ExtractionDev = "extraction-dev";

    private static readonly ExtractiveSummarizer Summarizer = new();

    // GOV.UK page text was extracted with its paragraphs glued together ("Newcastle.He worked"); a space
    // between a full stop and a capital restores the sentence breaks the splitter needs.
    [GeneratedRegex(@"(?<=[\p{Ll}\d)][.!?:])(?=[\p{Lu}])", RegexOptions.CultureInvariant)]
    private static partial Regex GluedSentences();

    public static List<SummarySetResult> Evaluate(string dataDirectory)
    {
        var results = new List<SummarySetResult>();
        var extraction = Path.Combine(dataDirectory, ExtractionDev);
        if (File.Exists(Path.Combine(extraction, "expected.jsonl")))
        {
            results.Add(Score("extraction-dev (og/meta description)", ExtractionPages(extraction)));
        }

        var atom = Path.Combine(dataDirectory, "samples", "govuk", "atom-entries");
        if (Directory.Exists(atom))
        {
            results.Add(Score("govuk atom entries (summary)", AtomEntries(atom)));
        }

        var contentItems = Path.Combine(dataDirectory, "samples", "govuk", "content-items");
        if (Directory.Exists(contentItems))
        {
            results.Add(Score("govuk content items (description)", GovukContentItems.Read(contentItems)));
        }

        return results;
    }

    private static SummarySetResult Score(string name, IEnumerable<(string Title, string Body, string Standfirst)> documents)
    {
        var ours = new RougeAverage();
        var lead = new RougeAverage();
        var inBody = 0;
        var clean = 0;
        var leadClean = 0;
        var ticks = 0L;
        var characters = 0L;
        foreach (var (title, body, standfirst) in documents)
        {
            var watch = Stopwatch.StartNew();
            var summary = Summarizer.Summarize(body, title, null).Text;
            ticks += watch.ElapsedTicks;
            characters += body.Length;
            var lead3 = string.Join(' ', SentenceSplitter.Split(body).Take(3).Select(s => s.Value));
            clean += SummaryOpening.OpensCleanly(summary) ? 1 : 0;
            leadClean += SummaryOpening.OpensCleanly(lead3) ? 1 : 0;
            ours.Add(Rouge.Score(summary, standfirst), WordTokenizer.Tokens(summary).Count);
            lead.Add(Rouge.Score(lead3, standfirst), WordTokenizer.Tokens(lead3).Count);
            inBody += body.Contains(standfirst.TrimEnd('.', '…', ' '), StringComparison.Ordinal) ? 1 : 0;
        }

        var count = Math.Max(1, ours.Count);
        return new SummarySetResult(name, ours, lead, inBody, clean, leadClean,
            ticks * 1_000_000.0 / Stopwatch.Frequency / count, characters / (double)count);
    }

    private static IEnumerable<(string, string, string)> ExtractionPages(string directory)
    {
        foreach (var line in File.ReadLines(Path.Combine(directory, "expected.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            var id = json.RootElement.GetProperty("id").GetString()!;
            var page = Path.Combine(directory, "pages", id + ".html.gz");
            if (!File.Exists(page))
            {
                continue;
            }

            using var reader = new StreamReader(new GZipStream(File.OpenRead(page), CompressionMode.Decompress));
            var standfirst = Standfirst.FromHtml(reader.ReadToEnd());
            if (standfirst is not null)
            {
                yield return (String(json.RootElement, "title"), String(json.RootElement, "body"), standfirst);
            }
        }
    }

    private static IEnumerable<(string, string, string)> AtomEntries(string directory)
    {
        foreach (var file in Directory.GetFiles(directory, "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                using var json = JsonDocument.Parse(line);
                var standfirst = Standfirst.Usable(String(json.RootElement, "summary"));
                var body = GluedSentences().Replace(String(json.RootElement, "body_text_as_extracted"), " ");
                if (standfirst is not null && body.Length > 0)
                {
                    yield return (String(json.RootElement, "title"), body, standfirst);
                }
            }
        }
    }

    private static string String(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
