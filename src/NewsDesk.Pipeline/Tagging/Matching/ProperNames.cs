namespace NewsDesk.Tagging.Matching;

/// <summary>
/// Whether a theme word is part of a proper name, where it is no evidence: "Research" in "Kumo Research" or "Research In
/// Motion", "Skills" in "Minister for AI and Digital Skills". A lower-case term ("research") found capitalised inside
/// a run of capitalised words is a name in the lede or body. Headlines capitalise every word, so there the run counts
/// as a name only when the lede or body writes the same run too. Names of instruments and bodies (a run with a word
/// such as "Convention", "Guide" or "Institute") are what the news is about and stay evidence.
/// </summary>
internal static class ProperNames
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "on", "and", "&" };

    // Names of instruments, bodies and programmes are what the news is about, so their words stay evidence: the
    // "Framework Convention on ... Human Rights", the "ASEAN Guide on AI Governance and Ethics", the "Joint Research Centre".
    private static readonly HashSet<string> InstrumentWords = new(StringComparer.Ordinal)
    {
        "Convention", "Guide", "Guidelines", "Guidance", "Framework", "Principles", "Code", "Declaration", "Charter",
        "Treaty", "Act", "Standard", "Standards", "Institute", "Network", "Partnership", "Programme", "Program", "Centre",
        "Center", "Hub", "Roadmap", "Strategy", "Commitments", "Summit", "Fund", "Fellowship", "Initiative", "Alliance",
        "Coalition", "Process", "Dialogue", "Agreement", "Memorandum", "Compact", "Pact", "Report", "Council", "Forum",
    };

    public static bool Covers(string[] texts, int field, int start, int length, string term)
    {
        var text = texts[field];
        if (!char.IsUpper(text[start]) || term.Any(char.IsUpper))
        {
            return false;
        }

        var (runStart, runEnd, words) = Run(text, start, start + length);
        if (words < 2)
        {
            return false;
        }

        var run = text[runStart..runEnd];
        if (run.Split(' ').Any(InstrumentWords.Contains))
        {
            return false;
        }

        if (field > 0)
        {
            return true;
        }

        return texts.Skip(1).Any(t => t.Contains(run, StringComparison.Ordinal));
    }

    /// <summary>The run of capitalised words (with connectors between them) around the hit, and how many capitalised words it has.</summary>
    private static (int Start, int End, int Words) Run(string text, int start, int end)
    {
        var words = 1;
        var runStart = start;
        while (PreviousWord(text, runStart) is { } previous)
        {
            var word = text[previous..(runStart - 1)];
            if (IsCapitalised(word))
            {
                runStart = previous;
                words++;
            }
            else if (Connectors.Contains(word) && PreviousWord(text, previous) is { } before && IsCapitalised(text[before..(previous - 1)]))
            {
                runStart = before;
                words++;
            }
            else
            {
                break;
            }
        }

        var runEnd = end;
        while (NextWord(text, runEnd) is { } next)
        {
            var word = text[(runEnd + 1)..next];
            if (IsCapitalised(word))
            {
                runEnd = next;
                words++;
            }
            else if (Connectors.Contains(word) && NextWord(text, next) is { } after && IsCapitalised(text[(next + 1)..after]))
            {
                runEnd = after;
                words++;
            }
            else
            {
                break;
            }
        }

        return (runStart, runEnd, words);
    }

    /// <summary>Start of the word before position <paramref name="start"/> when a single space separates them.</summary>
    private static int? PreviousWord(string text, int start)
    {
        if (start < 2 || text[start - 1] != ' ' || !IsWordChar(text[start - 2]))
        {
            return null;
        }

        var i = start - 2;
        while (i > 0 && IsWordChar(text[i - 1]))
        {
            i--;
        }

        return i;
    }

    /// <summary>End of the word after position <paramref name="end"/> when a single space separates them.</summary>
    private static int? NextWord(string text, int end)
    {
        if (end + 1 >= text.Length || text[end] != ' ' || !IsWordChar(text[end + 1]))
        {
            return null;
        }

        var i = end + 1;
        while (i < text.Length && IsWordChar(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '&';

    private static bool IsCapitalised(string word) => word.Length > 0 && char.IsUpper(word[0]);
}
