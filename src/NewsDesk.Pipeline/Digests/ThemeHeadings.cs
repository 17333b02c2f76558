namespace NewsDesk.Digests;

/// <summary>Section order and headings. Themes the taxonomy adds later appear after these, under their id.</summary>
public static class ThemeHeadings
{
    public const string Other = "other";

    private static readonly (string Theme, string Heading)[] Known =
    [
        ("coalition", "Coalitions and multilateral groups"),
        ("bilateral", "Bilateral agreements"),
        ("regional", "Regional blocs"),
        ("standards", "Standards, codes and disclosure"),
        ("research", "Joint research"),
        ("talent", "Skills and talent"),
        ("safety_ethics", "Safety and ethics"),
        ("regulation", "Regulation"),
    ];

    public static int Order(string theme)
    {
        var index = Array.FindIndex(Known, k => k.Theme == theme);
        return theme == Other ? int.MaxValue : index < 0 ? Known.Length : index;
    }

    public static string Heading(string theme) =>
        theme == Other ? "Other news" : Known.FirstOrDefault(k => k.Theme == theme).Heading ?? theme;
}
