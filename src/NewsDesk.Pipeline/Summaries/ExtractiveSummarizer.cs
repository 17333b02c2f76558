using NewsDesk.Text;

namespace NewsDesk.Summaries;

/// <summary>
/// Picks the sentences that best stand for an article: TextRank centrality over TF-IDF sentence similarity,
/// nudged towards the lead (news puts the point first) and the headline, with near-repeats dropped (MMR).
/// Sentences come out in source order with offsets into the text, so a reader can jump to them.
/// </summary>
public sealed class ExtractiveSummarizer
{
    // The graph is quadratic; the point of a news story is nearly always in its first screens.
    private const int MaxCandidates = 60;
    // Bounds the scan of texts that are mostly short lines (lists, tables), which yield few candidates.
    private const int MaxScannedSentences = 200;
    // Lead over centrality: news states its point first, and on publisher standfirsts (docs/benchmarks/summaries.md)
    // a heavier lead scored better than 0.45/0.40.
    private const double CentralityWeight = 0.30;
    private const double LeadWeight = 0.60;
    private const double TitleWeight = 0.15;
    // MMR trade-off between a sentence's score and its likeness to sentences already chosen.
    private const double MmrLambda = 0.7;
    // Above this cosine a sentence says again what a chosen one said, whatever its score.
    private const double RedundancyCap = 0.5;
    private const int MinContentTerms = 3;
    // About 30 words: the length of a standfirst sentence. Longer candidates are scored down in proportion.
    private const int ConciseTerms = 14;

    public Summary Summarize(string text, string? title, string? sourceUrl, int maxSentences = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSentences, 1);

        var spans = SentenceSplitter.Split(text);
        var candidates = Candidates(spans);
        if (candidates.Count == 0)
        {
            return new Summary();
        }

        var chosen = candidates.Count <= maxSentences
            ? Enumerable.Range(0, candidates.Count).ToList()
            : Choose(candidates, title, maxSentences);
        chosen = StandingAlone(candidates, chosen);
        if (chosen.Count == 0)
        {
            // Every candidate leans on a sentence before it: no summary is better than one that opens mid-thought.
            return new Summary();
        }

        return new Summary
        {
            Method = SummaryMethods.Extractive,
            Sentences = [.. chosen.Order().Select(c => ToSentence(candidates[c], sourceUrl))],
        };
    }

    private static List<Candidate> Candidates(IReadOnlyList<TextSpan> spans)
    {
        var candidates = new List<Candidate>();
        for (var i = 0; i < Math.Min(spans.Count, MaxScannedSentences) && candidates.Count < MaxCandidates; i++)
        {
            var span = spans[i];
            // Wire copy opens on a dateline ("BRUSSELS, Nov 23 (PolicyWire) -"): the summary keeps the news after it.
            var dateline = SummaryOpening.DatelineLength(span.Value);
            if (dateline > 0)
            {
                span = new TextSpan(span.Start + dateline, span.Length - dateline, span.Value[dateline..]);
            }

            var terms = StopWords.ContentTerms(span.Value, keepNumbers: false, out var words);
            // Pleasantries ("It is a pleasure to be here.") have words but nothing to say.
            if (terms.Count >= MinContentTerms && !BoilerplateFilter.IsBoilerplate(span.Value, words))
            {
                candidates.Add(new Candidate(i, span, terms));
            }
        }

        if (candidates.Count == 0 && spans.Count is > 0 and <= 2)
        {
            // A one- or two-sentence text is its own summary, even when it reads like a heading.
            for (var i = 0; i < spans.Count; i++)
            {
                candidates.Add(new Candidate(i, spans[i], StopWords.ContentTerms(spans[i].Value)));
            }
        }

        return candidates;
    }

    private static List<int> Choose(List<Candidate> candidates, string? title, int maxSentences)
    {
        var graph = new SentenceGraph([.. candidates.Select(c => c.Terms)]);
        var centrality = graph.Centrality();
        var titleTerms = string.IsNullOrWhiteSpace(title) ? [] : StopWords.ContentTerms(title);

        var score = new double[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            var lead = 1.0 / (1.0 + i / 2.0);
            score[i] = CentralityWeight * centrality[i]
                + LeadWeight * lead
                + TitleWeight * SentenceGraph.Overlap(titleTerms, candidates[i].Terms);
            // Long sentences win centrality by sheer word count; a summary wants the concise ones.
            score[i] *= Math.Min(1.0, ConciseTerms / (double)candidates[i].Terms.Count);
        }

        var chosen = new List<int>();
        while (chosen.Count < maxSentences)
        {
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var i = 0; i < candidates.Count; i++)
            {
                if (chosen.Contains(i))
                {
                    continue;
                }

                var redundancy = chosen.Count == 0 ? 0 : chosen.Max(c => graph.Similarity(i, c));
                if (redundancy > RedundancyCap)
                {
                    continue;
                }

                var value = MmrLambda * score[i] - (1 - MmrLambda) * redundancy;
                if (value > bestValue)
                {
                    bestValue = value;
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            chosen.Add(best);
        }

        return chosen;
    }

    /// <summary>
    /// The chosen sentences, in source order, without those that refer back ("It also lays down…") unless the sentence
    /// they refer to comes just before them in the summary. When that leaves none, the earliest candidate that stands
    /// alone opens the summary instead.
    /// </summary>
    private static List<int> StandingAlone(List<Candidate> candidates, List<int> chosen)
    {
        var kept = new List<int>();
        foreach (var c in chosen.Order())
        {
            if (!SummaryOpening.RefersBack(candidates[c].Span.Value) || (kept.Count > 0 && candidates[kept[^1]].Index == candidates[c].Index - 1))
            {
                kept.Add(c);
            }
        }

        if (kept.Count == 0)
        {
            var first = candidates.FindIndex(c => !SummaryOpening.RefersBack(c.Span.Value));
            if (first >= 0)
            {
                kept.Add(first);
            }
        }

        return kept;
    }

    private static SummarySentence ToSentence(Candidate candidate, string? sourceUrl) => new()
    {
        Text = candidate.Span.Value,
        SentenceIndex = candidate.Index,
        Start = candidate.Span.Start,
        Length = candidate.Span.Length,
        SourceUrl = sourceUrl,
    };

    private sealed record Candidate(int Index, TextSpan Span, List<string> Terms);
}
