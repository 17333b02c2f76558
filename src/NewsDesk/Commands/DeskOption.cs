using System.CommandLine;
using Microsoft.Extensions.Options;
using NewsDesk.Desks;
using NewsDesk.Digests;

namespace NewsDesk.Commands;

/// <summary>`--desk ID` for digest and export: the desk's profile from NewsDesk:Digest:Desks, or a usage error naming the known ids.</summary>
internal static class DeskOption
{
    public static Option<string?> Create(string what) => new("--desk") { Description = $"Only what this desk follows (an id from NewsDesk:Digest:Desks); {what}." };

    /// <returns>The desk, or null when <paramref name="id"/> is null (no desk asked for).</returns>
    public static DeskOptions? Find(IServiceProvider services, string? id)
    {
        if (id is null)
        {
            return null;
        }

        var options = services.GetRequiredService<IOptions<DigestOptions>>().Value;
        if (options.FindDesk(id) is { } desk)
        {
            return desk;
        }

        var known = options.Desks.Count == 0 ? "none is configured" : "known: " + string.Join(", ", options.Desks.Select(d => d.Id));
        throw new UsageException($"--desk \"{id}\" is not a desk in {DeskValidation.Section} ({known}).");
    }
}
