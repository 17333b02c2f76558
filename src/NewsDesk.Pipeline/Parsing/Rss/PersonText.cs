using System.Text.RegularExpressions;

namespace NewsDesk.Parsing.Rss;

/// <summary>Splits RSS's free-text author ("jane@example.org (Jane Doe)", "Jane Doe &lt;jane@example.org&gt;").</summary>
internal static partial class PersonText
{
    public static FeedPerson Parse(string text)
    {
        var m = EmailWithName().Match(text);
        if (m.Success)
        {
            var name = (m.Groups["before"].Value + " " + m.Groups["after"].Value).Trim().Trim('(', ')', '<', '>').Trim();
            return new FeedPerson(name.Length == 0 ? null : name, m.Groups["email"].Value);
        }

        return new FeedPerson(text);
    }

    [GeneratedRegex(@"^(?<before>[^<(@]*?)\s*[<(]?(?<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)[>)]?\s*(?<after>.*)$")]
    private static partial Regex EmailWithName();
}
