using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NewsDesk.Digests;

/// <summary>
/// Reads the day a digest is asked for (yyyy-MM-dd). The first and last days DateOnly can hold are refused: a day's
/// digest runs from its local midnight to the next one, which for those days falls outside the calendar in some time
/// zones, and the editors' page links to the day before and after.
/// </summary>
public static class DigestDay
{
    public static readonly DateOnly First = DateOnly.MinValue.AddDays(1);
    public static readonly DateOnly Last = DateOnly.MaxValue.AddDays(-1);

    /// <param name="problem">Why <paramref name="text"/> is not a day a digest can be made for, starting with the text.</param>
    public static bool TryParse(string text, out DateOnly day, [NotNullWhen(false)] out string? problem)
    {
        problem = !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
            ? $"\"{text}\" is not a date in the form yyyy-MM-dd"
            : day < First || day > Last
                ? string.Create(CultureInfo.InvariantCulture, $"\"{text}\" is outside the days a digest can cover ({First:yyyy-MM-dd} to {Last:yyyy-MM-dd})")
                : null;
        return problem is null;
    }
}
