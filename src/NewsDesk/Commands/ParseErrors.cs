using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace NewsDesk.Commands;

/// <summary>
/// System.CommandLine's parse errors in the user's words: its message for a value that does not convert names the
/// .NET type ("as expected type 'System.Nullable`1[System.Double]'"), which means nothing to an operator.
/// </summary>
internal static partial class ParseErrors
{
    public static string Describe(ParseError error)
    {
        var match = CannotParse().Match(error.Message);
        if (!match.Success)
        {
            return OneLine(error.Message);
        }

        var type = error.SymbolResult switch
        {
            OptionResult option => option.Option.ValueType,
            ArgumentResult argument => argument.Argument.ValueType,
            _ => null,
        };
        return $"{match.Groups["name"].Value}: \"{match.Groups["value"].Value}\" is not {Expected(type)}";
    }

    private static string Expected(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (type is { IsEnum: true })
        {
            return "one of " + string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant()));
        }

        return type switch
        {
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "a number",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(TimeSpan) => "a duration such as 00:30:00",
            _ when type == typeof(Uri) => "a URL",
            _ => "a valid value",
        };
    }

    /// <summary>A message on one line, so that a multi-line one still ends the command in a single stderr line.</summary>
    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [GeneratedRegex(@"^Cannot parse argument '(?<value>[^']*)' for (option|command) '(?<name>[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex CannotParse();
}
