namespace NewsDesk.Tagging.Matching;

/// <summary>
/// All taxonomy and gazetteer phrases compiled into one Aho–Corasick automaton over folded characters, so an
/// article is read once whatever the number of terms. The automaton is a dense transition table built once and never
/// written again, which makes concurrent <see cref="Scan"/> calls safe without locks.
/// </summary>
internal sealed class AhoCorasickMatcher
{
    private readonly MatcherPattern[] _patterns;
    private readonly ushort[] _charClass = new ushort[char.MaxValue + 1];
    private readonly int _classCount;
    private readonly int[] _delta;
    private readonly int[] _outputStart;
    private readonly int[] _outputIds;

    public AhoCorasickMatcher(IReadOnlyList<MatcherPattern> patterns)
    {
        _patterns = [.. patterns];
        ushort next = 1; // class 0: characters no pattern uses, which always fall back to the root
        foreach (var pattern in _patterns)
        {
            foreach (var c in pattern.Folded)
            {
                if (_charClass[c] == 0)
                {
                    _charClass[c] = next++;
                }
            }
        }

        _classCount = next;

        // Fold into the class table itself, so the scan reads the original text and needs no folded copy.
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var folded = TextNormaliser.Fold((char)c);
            if (folded != c)
            {
                _charClass[c] = _charClass[folded];
            }
        }
        var children = new List<Dictionary<int, int>> { new() };
        var own = new List<List<int>> { new() };
        for (var id = 0; id < _patterns.Length; id++)
        {
            var node = 0;
            foreach (var c in _patterns[id].Folded)
            {
                var cls = _charClass[c];
                if (!children[node].TryGetValue(cls, out var child))
                {
                    child = children.Count;
                    children.Add(new Dictionary<int, int>());
                    own.Add(new List<int>());
                    children[node][cls] = child;
                }

                node = child;
            }

            own[node].Add(id);
        }

        (var delta, var outputs) = BuildAutomaton(children, own);

        // The table holds row offsets (state × classes) rather than state ids, negated when the target state has
        // outputs, so the hot loop is one load and one sign test per character.
        _delta = new int[delta.Length];
        for (var k = 0; k < delta.Length; k++)
        {
            var target = delta[k];
            _delta[k] = outputs[target].Length > 0 ? -(target * _classCount) - 1 : target * _classCount;
        }

        _outputStart = new int[outputs.Length + 1];
        for (var node = 0; node < outputs.Length; node++)
        {
            _outputStart[node + 1] = _outputStart[node] + outputs[node].Length;
        }

        _outputIds = [.. outputs.SelectMany(o => o)];
    }

    public int PatternCount => _patterns.Length;

    public MatcherPattern Pattern(int id) => _patterns[id];

    private (int[] Delta, int[][] Outputs) BuildAutomaton(List<Dictionary<int, int>> children, List<List<int>> own)
    {
        var nodeCount = children.Count;
        var delta = new int[nodeCount * _classCount];
        var fail = new int[nodeCount];
        var outputs = new int[nodeCount][];
        outputs[0] = [.. own[0]];
        var queue = new Queue<int>();
        foreach (var (cls, child) in children[0])
        {
            delta[cls] = child;
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            outputs[node] = [.. own[node], .. outputs[fail[node]]];
            for (var cls = 0; cls < _classCount; cls++)
            {
                if (children[node].TryGetValue(cls, out var child))
                {
                    fail[child] = node == 0 ? 0 : delta[(fail[node] * _classCount) + cls];
                    delta[(node * _classCount) + cls] = child;
                    queue.Enqueue(child);
                }
                else
                {
                    delta[(node * _classCount) + cls] = delta[(fail[node] * _classCount) + cls];
                }
            }
        }

        return (delta, outputs);
    }

    /// <summary>Finds every word-bounded occurrence of every pattern in <paramref name="text"/>.</summary>
    public void Scan(string text, List<PatternMatch> results)
    {
        var row = 0;
        for (var i = 0; i < text.Length; i++)
        {
            row = _delta[row + _charClass[text[i]]];
            if (row >= 0)
            {
                continue;
            }

            row = -row - 1;
            var state = row / _classCount;
            for (var k = _outputStart[state]; k < _outputStart[state + 1]; k++)
            {
                var id = _outputIds[k];
                var pattern = _patterns[id];
                var start = i - pattern.Folded.Length + 1;
                if (IsBounded(pattern, text, start, i + 1) && (!pattern.CaseSensitive || SameCase(pattern.Original, text, start)))
                {
                    results.Add(new PatternMatch(id, start, pattern.Folded.Length));
                }
            }
        }
    }

    /// <summary>Letters must match exactly; other characters only after folding, so "Britain's" also finds "Britain’s".</summary>
    private static bool SameCase(string pattern, string original, int start)
    {
        for (var k = 0; k < pattern.Length; k++)
        {
            var c = original[start + k];
            if (char.IsLetter(c) ? c != pattern[k] : TextNormaliser.Fold(c) != TextNormaliser.Fold(pattern[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBounded(MatcherPattern pattern, string text, int start, int end)
    {
        var phrase = pattern.Folded;
        if (TextNormaliser.IsWordChar(phrase[0]) && start > 0 && TextNormaliser.IsWordChar(text[start - 1]))
        {
            return false;
        }

        return pattern.OpenEnd || !TextNormaliser.IsWordChar(phrase[^1]) || end >= text.Length || !TextNormaliser.IsWordChar(text[end]);
    }
}
