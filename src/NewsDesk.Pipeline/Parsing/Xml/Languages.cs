namespace NewsDesk.Parsing.Xml;

/// <summary>Language tags as BCP 47 writes them: "en_US" (a common mistake) becomes "en-US".</summary>
internal static class Languages
{
    public static string? Normalize(string? tag) => XmlNav.NullIfBlank(tag)?.Replace('_', '-');
}
