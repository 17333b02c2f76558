namespace NewsDesk.Summaries;

/// <summary>
/// TF-IDF vectors of a few sentences, their pairwise cosine similarities and TextRank centrality over them.
/// Quadratic in the number of sentences, which is why the summarizer caps the candidates it builds it for.
/// </summary>
internal sealed class SentenceGraph
{
    private const double Damping = 0.85;
    private const int Iterations = 30;

    private readonly double[,] similarity;

    public SentenceGraph(IReadOnlyList<List<string>> sentenceTerms)
    {
        Count = sentenceTerms.Count;
        var vectors = Vectorise(sentenceTerms);
        similarity = new double[Count, Count];
        for (var i = 0; i < Count; i++)
        {
            for (var j = i + 1; j < Count; j++)
            {
                var cosine = Dot(vectors[i], vectors[j]);
                similarity[i, j] = cosine;
                similarity[j, i] = cosine;
            }
        }
    }

    public int Count { get; }

    public double Similarity(int i, int j) => i == j ? 1 : similarity[i, j];

    /// <summary>Weighted PageRank over the similarity graph, scaled so the most central sentence scores 1.</summary>
    public double[] Centrality()
    {
        var rank = new double[Count];
        if (Count == 0)
        {
            return rank;
        }

        var outWeight = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            for (var j = 0; j < Count; j++)
            {
                outWeight[i] += i == j ? 0 : similarity[i, j];
            }
        }

        Array.Fill(rank, 1.0 / Count);
        var next = new double[Count];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            for (var j = 0; j < Count; j++)
            {
                var sum = 0.0;
                for (var i = 0; i < Count; i++)
                {
                    if (i != j && outWeight[i] > 0)
                    {
                        sum += similarity[i, j] / outWeight[i] * rank[i];
                    }
                }

                next[j] = (1 - Damping) / Count + Damping * sum;
            }

            (rank, next) = (next, rank);
        }

        var max = rank.Max();
        for (var i = 0; i < Count; i++)
        {
            rank[i] = max > 0 ? rank[i] / max : 0;
        }

        return rank;
    }

    /// <summary>Cosine of a bag of terms against one sentence, with the graph's weights (used for the title).</summary>
    public static double Overlap(IReadOnlyCollection<string> terms, List<string> sentence)
    {
        if (terms.Count == 0 || sentence.Count == 0)
        {
            return 0;
        }

        var set = new HashSet<string>(terms, StringComparer.Ordinal);
        var shared = sentence.Distinct(StringComparer.Ordinal).Count(set.Contains);
        return shared / Math.Sqrt(set.Count * (double)sentence.Distinct(StringComparer.Ordinal).Count());
    }

    private static Dictionary<string, double>[] Vectorise(IReadOnlyList<List<string>> sentenceTerms)
    {
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var terms in sentenceTerms)
        {
            foreach (var term in terms.Distinct(StringComparer.Ordinal))
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        var vectors = new Dictionary<string, double>[sentenceTerms.Count];
        for (var s = 0; s < sentenceTerms.Count; s++)
        {
            var vector = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var term in sentenceTerms[s])
            {
                vector[term] = vector.GetValueOrDefault(term) + 1;
            }

            var norm = 0.0;
            foreach (var (term, count) in vector)
            {
                var weight = count * (Math.Log((sentenceTerms.Count + 1.0) / (documentFrequency[term] + 1.0)) + 1);
                vector[term] = weight;
                norm += weight * weight;
            }

            norm = Math.Sqrt(norm);
            foreach (var term in vector.Keys)
            {
                vector[term] /= norm;
            }

            vectors[s] = vector;
        }

        return vectors;
    }

    private static double Dot(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count > b.Count)
        {
            (a, b) = (b, a);
        }

        var sum = 0.0;
        foreach (var (term, weight) in a)
        {
            if (b.TryGetValue(term, out var other))
            {
                sum += weight * other;
            }
        }

        return sum;
    }
}
