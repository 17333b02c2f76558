using NewsDesk.Tagging.Entities;
using NewsDesk.Tagging.Rules;

namespace NewsDesk.Tagging;

/// <summary>
/// The themes NewsDesk tags, as data: vocabularies, weighted terms, gates and a threshold per theme, plus the gazetteer
/// of countries, blocs and organisations. The default ships embedded in the library; operators can load their own file
/// (format: docs/taxonomy.md). A file that cannot be used throws <see cref="TaxonomyException"/>.
/// </summary>
public sealed class Taxonomy
{
    private const string DefaultResource = "NewsDesk.Tagging.taxonomy.json";

    private Taxonomy(string source, TaxonomyReader.Content content, Gazetteer gazetteer)
    {
        Source = source;
        FieldWeights = content.FieldWeights;
        Vocabularies = content.Vocabularies;
        CountNouns = content.CountNouns;
        Rules = content.Themes;
        Gazetteer = gazetteer;
    }

    /// <summary>The file the taxonomy came from, for messages.</summary>
    public string Source { get; }

    /// <summary>Theme names in decision order.</summary>
    public IReadOnlyList<string> ThemeNames => [.. Rules.Select(r => r.Name)];

    internal FieldWeights FieldWeights { get; }
    internal IReadOnlyDictionary<string, IReadOnlyList<string>> Vocabularies { get; }
    internal IReadOnlyList<string> CountNouns { get; }
    internal IReadOnlyList<ThemeRule> Rules { get; }
    internal Gazetteer Gazetteer { get; }

    public static Taxonomy LoadDefault()
    {
        using var stream = typeof(Taxonomy).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new TaxonomyException($"{DefaultResource}: embedded taxonomy is missing from the assembly");
        const string source = "taxonomy.json (embedded)";
        return new Taxonomy(source, TaxonomyReader.Read(stream, source), Gazetteer.LoadDefault());
    }

    /// <summary>Loads an operator's taxonomy; its optional "gazetteer" path is relative to the taxonomy file.</summary>
    public static Taxonomy Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new TaxonomyException($"{path}: taxonomy file not found");
        }

        TaxonomyReader.Content content;
        using (var stream = File.OpenRead(path))
        {
            content = TaxonomyReader.Read(stream, path);
        }

        var gazetteer = Gazetteer.LoadDefault();
        if (content.GazetteerPath is { } relative)
        {
            var gazetteerPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", relative);
            gazetteer = File.Exists(gazetteerPath)
                ? Gazetteer.Load(gazetteerPath)
                : throw new TaxonomyException($"{path}: top level, field 'gazetteer': file '{gazetteerPath}' not found");
        }

        return new Taxonomy(path, content, gazetteer);
    }
}
