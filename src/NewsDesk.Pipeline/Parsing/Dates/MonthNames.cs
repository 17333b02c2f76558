namespace NewsDesk.Parsing.Dates;

/// <summary>Month names in the languages the feeds we poll are written in (English, French, German, Hungarian).</summary>
internal static class MonthNames
{
    private static readonly Dictionary<string, int> Months = Build();

    public static bool TryGet(string word, out int month) =>
        Months.TryGetValue(word.TrimEnd('.').ToLowerInvariant(), out month);

    private static Dictionary<string, int> Build()
    {
        string[][] names =
        [
            ["jan", "january", "janv", "janvier", "januar", "január"],
            ["feb", "febr", "february", "fév", "fev", "février", "fevrier", "februar", "február"],
            ["mar", "march", "mars", "mär", "märz", "mrz", "március"],
            ["apr", "april", "avr", "avril", "április"],
            ["may", "mai", "május"],
            ["jun", "june", "juin", "juni", "június"],
            ["jul", "july", "juil", "juillet", "juli", "július"],
            ["aug", "august", "août", "aout", "augusztus"],
            ["sep", "sept", "september", "septembre", "szeptember"],
            ["oct", "october", "octobre", "okt", "oktober", "október"],
            ["nov", "november", "novembre"],
            ["dec", "december", "déc", "décembre", "dez", "dezember"],
        ];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
            {
                map[name] = i + 1;
            }
        }

        return map;
    }
}
