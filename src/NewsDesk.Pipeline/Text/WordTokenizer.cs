using System.Text.RegularExpressions;

namespace NewsDesk.Text;

/// <summary>Words as maximal runs of letters, digits and underscore: the token rule the extraction scorer uses too.</summary>
public static partial class WordTokenizer
{
    [GeneratedRegex(@"[\p{L}\p{N}_]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        foreach (var match in WordPattern().EnumerateMatches(text))
        {
            tokens.Add(text.Substring(match.Index, match.Length));
        }

        return tokens;
    }

    public static List<string> LowerTokens(string text) => Tokens(text.ToLowerInvariant());
}
