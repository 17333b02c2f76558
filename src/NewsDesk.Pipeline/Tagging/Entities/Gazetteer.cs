using System.Text.Json;
using NewsDesk.Tagging.Rules;

namespace NewsDesk.Tagging.Entities;

/// <summary>
/// Countries, blocs and organisations with their aliases, demonyms and bloc members, read from a JSON file
/// (the default one is embedded next to the taxonomy). Format: docs/taxonomy.md.
/// </summary>
internal sealed class Gazetteer
{
    public const string DefaultResource = "NewsDesk.Tagging.gazetteer.json";

    private Gazetteer(IReadOnlyList<GazetteerEntry> entries, IReadOnlyList<string> organisationSuffixes)
    {
        Entries = entries;
        OrganisationSuffixes = organisationSuffixes;
    }

    public IReadOnlyList<GazetteerEntry> Entries { get; }

    /// <summary>Capitalised head words ("Institute", "University") that end an organisation name found by pattern.</summary>
    public IReadOnlyList<string> OrganisationSuffixes { get; }

    /// <summary>The embedded gazetteer, read once: story matching (<see cref="StateNames"/>) reads it without a taxonomy.</summary>
    public static Gazetteer Default => DefaultInstance.Value;

    private static readonly Lazy<Gazetteer> DefaultInstance = new(LoadDefault);

    public static Gazetteer LoadDefault()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new TaxonomyException($"{DefaultResource}: embedded gazetteer is missing from the assembly");
        return Load(stream, "gazetteer.json (embedded)");
    }

    public static Gazetteer Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    public static Gazetteer Load(Stream stream, string file)
    {
        using var document = JsonFile.Parse(stream, file);
        var root = document.RootElement;
        var entriesElement = JsonFile.Optional(root, "entities");
        if (entriesElement is not { ValueKind: JsonValueKind.Array })
        {
            throw JsonFile.Error(file, "top level", "entities", "must be an array of entries");
        }

        var entries = new List<GazetteerEntry>();
        var index = 0;
        foreach (var element in entriesElement.Value.EnumerateArray())
        {
            entries.Add(ReadEntry(element, file, index++));
        }

        var names = entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var unknown = entry.Members.FirstOrDefault(m => !names.Contains(m));
            if (unknown is not null)
            {
                throw JsonFile.Error(file, $"entry '{entry.Name}'", "members", $"names '{unknown}', which is not an entry");
            }
        }

        var suffixes = JsonFile.Strings(JsonFile.Optional(root, "organisationSuffixes"), file, "top level", "organisationSuffixes");
        return new Gazetteer(entries, suffixes);
    }

    private static GazetteerEntry ReadEntry(JsonElement element, string file, int index)
    {
        var item = $"entry #{index + 1}";
        var name = JsonFile.RequiredString(element, "name", file, item);
        item = $"entry '{name}'";
        var kindText = JsonFile.RequiredString(element, "kind", file, item);
        if (!Enum.TryParse<EntityKind>(kindText, ignoreCase: true, out var kind) || int.TryParse(kindText, out _))
        {
            throw JsonFile.Error(file, item, "kind", $"'{kindText}' is not one of country, union, bloc, global, organisation");
        }

        var aliases = JsonFile.Strings(JsonFile.Optional(element, "aliases"), file, item, "aliases");
        var demonyms = JsonFile.Strings(JsonFile.Optional(element, "demonyms"), file, item, "demonyms");
        var members = JsonFile.Strings(JsonFile.Optional(element, "members"), file, item, "members");
        var capitals = JsonFile.Strings(JsonFile.Optional(element, "capitals"), file, item, "capitals");
        return new GazetteerEntry(name, kind, [name, .. aliases], demonyms, members.ToHashSet(StringComparer.Ordinal), capitals);
    }
}
