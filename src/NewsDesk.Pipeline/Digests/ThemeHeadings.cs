using System.Globalization;

namespace NewsDesk.Digests;

/// <summary>
/// Section order, section headings and the short labels tags show as. Themes the taxonomy adds later come after these,
/// under their id made readable ("supply_chain" becomes "Supply chain"): an editor never reads a raw id.
/// </summary>
public static class ThemeHeadings
{
    public const string Other = "other";

    private static readonly (string Theme, string Heading, string Label)[] Known =
    [
        ("coalition", "Coalitions and multilateral groups", "Coalitions"),
        ("bilateral", "Bilateral agreements", "Bilateral"),
        ("regional", "Regional blocs", "Regional blocs"),
        ("standards", "Standards, codes and disclosure", "Standards"),
        ("research", "Joint research", "Joint research"),
        ("talent", "Skills and talent", "Skills and talent"),
        ("safety_ethics", "Safety and ethics", "Safety and ethics"),
        ("regulation", "Regulation", "Regulation"),
    ];

    public static int Order(string theme)
    {
        var index = Array.FindIndex(Known, k => k.Theme == theme);
        return theme == Other ? int.MaxValue : index < 0 ? Known.Length : index;
    }

    public static string Heading(string theme) =>
        theme == Other ? "Other news" : Known.FirstOrDefault(k => k.Theme == theme).Heading ?? Readable(theme);

    /// <summary>The tag's name as an editor reads it, short enough to sit beside a headline.</summary>
    public static string Label(string theme) => Known.FirstOrDefault(k => k.Theme == theme).Label ?? Readable(theme);

    private static string Readable(string id)
    {
        var words = id.Replace('_', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? id : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }
}
