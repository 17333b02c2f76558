using System.Text.RegularExpressions;
using NewsDesk.Tagging.Entities;

namespace NewsDesk.Stories;

/// <summary>
/// A small, tagger-independent guess at the parties a report names, for the <c>cluster</c> command: country
/// names (any alias, as canonical names), acronyms (NIST, OECD) and capitalised multi-word names in the text
/// ("Carnegie Mellon University", "Council of Europe"). The pipeline passes the tagger's countries and
/// organisations instead.
/// </summary>
public static partial class StoryEntities
{
    private const int MaxEntities = 24;

    // Lower-case words allowed inside a name: "Council of Europe", "Ministry for Science and Technology".
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "de" };

    // Capitalised because they start a sentence or a headline, not because they name anything.
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "these", "in", "on", "at", "for", "and", "but", "under", "after",
        "before", "as", "it", "its", "we", "our", "they", "he", "she", "ai", "mr", "ms", "mrs", "dr", "today",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    [GeneratedRegex(@"\b([A-Z])\.([A-Z])\.(?:([A-Z])\.)?", RegexOptions.CultureInvariant)]
    private static partial Regex DottedAcronym();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    public static string[] Find(string title, string text)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<string>();
        // Headlines capitalise every word, so only countries and acronyms are read from them.
        Scan(Words(title), found, names: false);
        Scan(Words(text), found, names: true);
        return [.. found.Distinct(StringComparer.Ordinal).Take(MaxEntities)];
    }

    /// <summary>The words, each marked when punctuation (a comma, a full stop, a bracket) separates it from the one before.</summary>
    private static List<(string Text, bool AfterBreak)> Words(string text)
    {
        var undotted = DottedAcronym().Replace(text, m => m.Groups[1].Value + m.Groups[2].Value + m.Groups[3].Value);
        var words = new List<(string, bool)>();
        var previousEnd = 0;
        foreach (Match match in Word().Matches(undotted))
        {
            var gap = undotted.AsSpan(previousEnd, match.Index - previousEnd);
            words.Add((StripPossessive(match.Value), words.Count == 0 || !gap.IsWhiteSpace()));
            previousEnd = match.Index + match.Length;
        }

        return words;
    }

    private static void Scan(List<(string Text, bool AfterBreak)> words, List<string> found, bool names)
    {
        var i = 0;
        while (i < words.Count)
        {
            if (TryCountry(words, i, out var country, out var length))
            {
                found.Add(country);
                i += length;
                continue;
            }

            var word = words[i].Text;
            if (IsAcronym(word))
            {
                found.Add(word.ToLowerInvariant());
                i++;
                continue;
            }

            if (names && IsName(word))
            {
                var end = NameEnd(words, i);
                if (end - i >= 2)
                {
                    found.Add(string.Join(' ', words.Skip(i).Take(end - i).Select(w => w.Text)).ToLowerInvariant());
                    i = end;
                    continue;
                }
            }

            i++;
        }
    }

    private static bool TryCountry(List<(string Text, bool AfterBreak)> words, int start, out string country, out int length)
    {
        for (length = Math.Min(StateNames.MaxWords, words.Count - start); length >= 1; length--)
        {
            if (words.Skip(start + 1).Take(length - 1).Any(w => w.AfterBreak))
            {
                continue;
            }

            var candidate = string.Join(' ', words.Skip(start).Take(length).Select(w => w.Text));
            // "US" the country, not "us" the pronoun: short aliases count only in capitals.
            var shortAlias = length == 1 && candidate.Length <= 3;
            if ((!shortAlias || candidate.All(char.IsUpper)) && IsCapitalised(candidate)
                && StateNames.TryCanonical(candidate, out country))
            {
                return true;
            }
        }

        country = "";
        length = 0;
        return false;
    }

    /// <summary>One past the last word of the capitalised run starting at <paramref name="start"/>.</summary>
    private static int NameEnd(List<(string Text, bool AfterBreak)> words, int start)
    {
        var end = start + 1;
        while (end < words.Count && !words[end].AfterBreak)
        {
            if (IsName(words[end].Text))
            {
                end++;
            }
            else if (Connectors.Contains(words[end].Text) && end + 1 < words.Count && !words[end + 1].AfterBreak
                && IsName(words[end + 1].Text))
            {
                end += 2;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    private static bool IsName(string word) => IsCapitalised(word) && !NotNames.Contains(word);

    private static bool IsCapitalised(string word) => word.Length > 0 && char.IsUpper(word[0]);

    private static bool IsAcronym(string word) =>
        word.Length is >= 2 and <= 8 && word.All(c => char.IsUpper(c) || char.IsDigit(c)) && char.IsLetter(word[0])
        && !NotNames.Contains(word);

    private static string StripPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;
}
