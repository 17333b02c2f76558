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

    private Taxonomy(string source, TaxonomyReader.Content content, Gazetteer gazetteer, string version)
    {
        Source = source;
        Version = version;
        FieldWeights = content.FieldWeights;
        Vocabularies = content.Vocabularies;
        CountNouns = content.CountNouns;
        Rules = content.Themes;
        Gazetteer = gazetteer;
    }

    /// <summary>The file the taxonomy came from, for messages.</summary>
    public string Source { get; }

    /// <summary>What articles tagged with this taxonomy record (<see cref="TaxonomyVersion"/>).</summary>
    public string Version { get; }

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
        var bytes = TaxonomyVersion.ReadAll(stream);
        return new Taxonomy(source, TaxonomyReader.Read(new MemoryStream(bytes), source), Gazetteer.LoadDefault(), TaxonomyVersion.Of(bytes, DefaultGazetteerBytes()));
    }

    /// <summary>Loads an operator's taxonomy; its optional "gazetteer" path is relative to the taxonomy file.</summary>
    public static Taxonomy Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new TaxonomyException($"{path}: taxonomy file not found");
        }

        var bytes = File.ReadAllBytes(path);
        var content = TaxonomyReader.Read(new MemoryStream(bytes), path);
        var gazetteer = Gazetteer.LoadDefault();
        var gazetteerBytes = DefaultGazetteerBytes();
        if (content.GazetteerPath is { } relative)
        {
            var gazetteerPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", relative);
            gazetteer = File.Exists(gazetteerPath)
                ? Gazetteer.Load(gazetteerPath)
                : throw new TaxonomyException($"{path}: top level, field 'gazetteer': file '{gazetteerPath}' not found");
            gazetteerBytes = File.ReadAllBytes(gazetteerPath);
        }

        return new Taxonomy(path, content, gazetteer, TaxonomyVersion.Of(bytes, gazetteerBytes));
    }

    private static byte[] DefaultGazetteerBytes()
    {
        using var stream = typeof(Taxonomy).Assembly.GetManifestResourceStream(Gazetteer.DefaultResource)
            ?? throw new TaxonomyException($"{Gazetteer.DefaultResource}: embedded gazetteer is missing from the assembly");
        return TaxonomyVersion.ReadAll(stream);
    }
}
