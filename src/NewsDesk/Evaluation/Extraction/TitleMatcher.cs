using System.Text;

namespace NewsDesk.Evaluation.Extraction;

/// <summary>Titles match when their letters and digits agree, ignoring case, punctuation and spacing.</summary>
public static class TitleMatcher
{
    public static bool Matches(string? expected, string? actual) =>
        expected is not null && actual is not null && Normalise(expected) == Normalise(actual) && Normalise(expected).Length > 0;

    private static string Normalise(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }
}
