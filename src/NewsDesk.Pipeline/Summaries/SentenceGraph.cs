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

    /// <summary>L2-normalised TF-IDF vectors as (term id, weight) pairs sorted by id, so a dot product is one merge.</summary>
    private static (int Term, double Weight)[][] Vectorise(IReadOnlyList<List<string>> sentenceTerms)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var counted = new List<KeyValuePair<int, int>[]>(sentenceTerms.Count);
        var documentFrequency = new List<int>();
        foreach (var terms in sentenceTerms)
        {
            var counts = new Dictionary<int, int>();
            foreach (var term in terms)
            {
                if (!ids.TryGetValue(term, out var id))
                {
                    id = ids.Count;
                    ids[term] = id;
                    documentFrequency.Add(0);
                }

                counts[id] = counts.GetValueOrDefault(id) + 1;
            }

            foreach (var id in counts.Keys)
            {
                documentFrequency[id]++;
            }

            counted.Add([.. counts.OrderBy(c => c.Key)]);
        }

        var vectors = new (int, double)[sentenceTerms.Count][];
        for (var s = 0; s < counted.Count; s++)
        {
            var vector = new (int Term, double Weight)[counted[s].Length];
            var norm = 0.0;
            for (var t = 0; t < vector.Length; t++)
            {
                var (id, count) = counted[s][t];
                var weight = count * (Math.Log((sentenceTerms.Count + 1.0) / (documentFrequency[id] + 1.0)) + 1);
                vector[t] = (id, weight);
                norm += weight * weight;
            }

            norm = Math.Sqrt(norm);
            for (var t = 0; t < vector.Length; t++)
            {
                vector[t].Weight /= norm;
            }

            vectors[s] = vector;
        }

        return vectors;
    }

    private static double Dot((int Term, double Weight)[] a, (int Term, double Weight)[] b)
    {
        var sum = 0.0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i].Term == b[j].Term)
            {
                sum += a[i++].Weight * b[j++].Weight;
            }
            else if (a[i].Term < b[j].Term)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }
}
