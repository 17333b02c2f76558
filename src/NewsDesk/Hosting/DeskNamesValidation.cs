using System.Globalization;
using Microsoft.Extensions.Options;
using NewsDesk.Desks;
using NewsDesk.Digests;
using NewsDesk.Feeds;
using NewsDesk.Tagging;

namespace NewsDesk.Hosting;

/// <summary>
/// A desk's (and its alert's) themes must be themes of the taxonomy, and its sources feed ids of feeds.json or source
/// kinds: a misspelt name matches no article, so the desk's digest would be silently empty. Checked at start with the
/// other options, naming the desk and the field; <see cref="DeskValidation"/> checks what needs no taxonomy or feeds.
/// </summary>
public sealed class DeskNamesValidation(IServiceProvider services) : IValidateOptions<DigestOptions>
{
    private static readonly string[] SourceHint = ["feed ids of the feeds file", "government", "press"];

    public ValidateOptionsResult Validate(string? name, DigestOptions digest)
    {
        if (digest.Desks.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        Taxonomy taxonomy;
        try
        {
            taxonomy = services.GetRequiredService<Taxonomy>();
        }
        catch (Exception ex) when (ex is TaxonomyException or IOException)
        {
            // The taxonomy's own error is reported where it is loaded; without it, themes cannot be checked.
            return ValidateOptionsResult.Success;
        }

        var themes = taxonomy.ThemeNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sources = Enum.GetNames<FeedKind>().Select(k => k.ToLowerInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        try
        {
            // The registry the worker polls from: feeds.json is read once, not again for this check.
            sources.UnionWith(services.GetRequiredService<FeedRegistry>().All.Select(f => f.Id));
        }
        catch (Exception ex) when (ex is FeedCatalogException or IOException)
        {
            // The feeds file's own error is reported where it is loaded; without it, sources cannot be checked.
            sources = null;
        }

        var problems = new List<string>();
        for (var i = 0; i < digest.Desks.Count; i++)
        {
            var desk = digest.Desks[i];
            var where = string.Create(CultureInfo.InvariantCulture, $"{DeskValidation.Section}:{i} (\"{desk.Id}\")");
            Check(where, "Themes", desk.Themes, themes, taxonomy.ThemeNames, problems);
            Check(where, "Alert:Themes", desk.Alert?.Themes ?? [], themes, taxonomy.ThemeNames, problems);
            if (sources is not null)
            {
                Check(where, "Sources", desk.Sources, sources, SourceHint, problems);
                Check(where, "Alert:Sources", desk.Alert?.Sources ?? [], sources, SourceHint, problems);
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Check(string where, string field, IEnumerable<string> values, HashSet<string> known, IEnumerable<string> hint, List<string> problems) =>
        problems.AddRange(values.Where(v => !string.IsNullOrWhiteSpace(v) && !known.Contains(v))
            .Select(v => $"{where}: {field}: \"{v}\" is not known (it would match nothing); use {string.Join(", ", hint)}."));
}
