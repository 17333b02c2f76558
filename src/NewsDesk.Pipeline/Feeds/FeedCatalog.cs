using System.Globalization;
using System.Text.Json;

namespace NewsDesk.Feeds;

/// <summary>
/// Reads and validates feeds.json. Validation is strict on purpose: a bad entry stops start-up with a message
/// naming the entry and the field, instead of a feed that silently never polls.
/// </summary>
public static class FeedCatalog
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    /// <param name="path">The feeds.json file.</param>
    /// <param name="isValidCron">The scheduler's own cron check; without one only the field count (6 or 7) is checked.</param>
    /// <param name="allowUnsetSecrets">
    /// For listing only (`feeds list`): a "${NAME}" whose variable is not set is kept as written and shown as unset
    /// (<see cref="SourceSettings.UnsetVariables"/>) instead of stopping the load. Feeds loaded so must not be fetched.
    /// </param>
    public static IReadOnlyList<FeedDefinition> Load(string path, Func<string, bool>? isValidCron = null, bool allowUnsetSecrets = false)
    {
        if (!File.Exists(path))
        {
            throw new FeedCatalogException($"{path}: feed list not found.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new FeedCatalogException($"{path}: not valid JSON at line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}: {ex.Message}", ex);
        }

        using (document)
        {
            return Parse(document.RootElement, path, isValidCron, allowUnsetSecrets);
        }
    }

    public static IReadOnlyList<FeedDefinition> Parse(JsonElement root, string path, Func<string, bool>? isValidCron = null, bool allowUnsetSecrets = false)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("feeds", out var feeds) || feeds.ValueKind != JsonValueKind.Array)
        {
            throw new FeedCatalogException($"{path}: expected an object with a \"feeds\" array.");
        }

        KnownFields.Check(root, path, "", "$schema", "feeds", "keep", "drop");
        var result = new List<FeedDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        var global = FilterRuleReader.Read(root, path);
        foreach (var entry in feeds.EnumerateArray())
        {
            var feed = ParseEntry(entry, path, index, isValidCron ?? HasCronFieldCount, allowUnsetSecrets);
            var rules = global.Concat(FilterRuleReader.Read(entry, $"{path}: feeds[{index}] (\"{feed.Id}\")")).ToList();
            feed = rules.Count == 0 ? feed : feed with { Filters = new Filtering.FilterRules(rules) };
            if (!ids.Add(feed.Id))
            {
                throw new FeedCatalogException($"{path}: feeds[{index}] (\"{feed.Id}\"): field \"id\" duplicates an earlier entry.");
            }

            result.Add(feed);
            index++;
        }

        return result;
    }

    private static FeedDefinition ParseEntry(JsonElement entry, string path, int index, Func<string, bool> isValidCron, bool allowUnsetSecrets)
    {
        var where = $"{path}: feeds[{index}]";
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new FeedCatalogException($"{where}: expected an object.");
        }

        var id = RequiredString(entry, "id", where);
        where = $"{path}: feeds[{index}] (\"{id}\")";
        if (!FeedIds.IsValid(id))
        {
            throw new FeedCatalogException($"{where}: field \"id\" must use only lower-case letters, digits, '-', '_' or '.'.");
        }

        KnownFields.Check(entry, where, "", "id", "title", "url", "kind", "schedule", "enabled", "category", "siteUrl",
            "headers", "userAgent", "cookies", "timeout", "maxItems", "extract", "scrape", "keep", "drop");
        var title = RequiredString(entry, "title", where);
        var urlText = RequiredString(entry, "url", where);
        if (!FeedUrls.TryParse(urlText, out var url))
        {
            throw new FeedCatalogException($"{where}: field \"url\" must be an absolute http or https URL, not \"{urlText}\".");
        }

        var kindText = RequiredString(entry, "kind", where);
        var kind = kindText switch
        {
            "government" => FeedKind.Government,
            "press" => FeedKind.Press,
            _ => throw new FeedCatalogException($"{where}: field \"kind\" must be \"government\" or \"press\", not \"{kindText}\"."),
        };

        var enabled = true;
        if (entry.TryGetProperty("enabled", out var enabledElement))
        {
            enabled = enabledElement.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new FeedCatalogException($"{where}: field \"enabled\" must be true or false."),
            };
        }

        var category = OptionalString(entry, "category", where);
        var siteText = OptionalString(entry, "siteUrl", where);
        Uri? site = null;
        if (siteText is not null && !FeedUrls.TryParse(siteText, out site))
        {
            throw new FeedCatalogException($"{where}: field \"siteUrl\" must be an absolute http or https URL, not \"{siteText}\".");
        }

        return new FeedDefinition
        {
            Id = id,
            Title = title,
            Url = url,
            Kind = kind,
            Schedule = ParseSchedule(entry, where, isValidCron),
            Enabled = enabled,
            Category = category,
            SiteUrl = site,
            Settings = SourceSettingsReader.Read(entry, where, Environment.GetEnvironmentVariable, allowUnsetSecrets),
            Scrape = ScrapeRuleReader.Read(entry, where),
        };
    }

    private static FeedSchedule ParseSchedule(JsonElement entry, string where, Func<string, bool> isValidCron)
    {
        if (!entry.TryGetProperty("schedule", out var schedule) || schedule.ValueKind != JsonValueKind.Object)
        {
            throw new FeedCatalogException($"{where}: field \"schedule\" is required: {{ \"interval\": \"00:30:00\" }} or {{ \"cron\": \"0 0/30 * * * ?\" }}.");
        }

        KnownFields.Check(schedule, where, "schedule.", "interval", "cron");
        var hasInterval = schedule.TryGetProperty("interval", out var intervalElement);
        var hasCron = schedule.TryGetProperty("cron", out var cronElement);
        if (hasInterval == hasCron)
        {
            throw new FeedCatalogException($"{where}: field \"schedule\" must have exactly one of \"interval\" or \"cron\".");
        }

        if (hasInterval)
        {
            var text = intervalElement.ValueKind == JsonValueKind.String ? intervalElement.GetString() : null;
            if (text is null || !TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval))
            {
                throw new FeedCatalogException($"{where}: field \"schedule.interval\" must be a duration such as \"00:30:00\".");
            }

            if (interval < MinimumInterval)
            {
                throw new FeedCatalogException($"{where}: field \"schedule.interval\" is {interval}; the minimum is {MinimumInterval} (be polite to publishers).");
            }

            return new FeedSchedule { Interval = interval };
        }

        var cron = cronElement.ValueKind == JsonValueKind.String ? cronElement.GetString() : null;
        if (string.IsNullOrWhiteSpace(cron) || !isValidCron(cron))
        {
            throw new FeedCatalogException($"{where}: field \"schedule.cron\" is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week): \"{cron}\".");
        }

        return new FeedSchedule { Cron = cron };
    }

    private static bool HasCronFieldCount(string cron) =>
        cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is 6 or 7;

    private static string? OptionalString(JsonElement entry, string name, string where)
    {
        if (!entry.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new FeedCatalogException($"{where}: field \"{name}\" must be a string.");
        }

        return string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString()!.Trim();
    }

    private static string RequiredString(JsonElement entry, string name, string where)
    {
        if (!entry.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new FeedCatalogException($"{where}: field \"{name}\" is required and must be a non-empty string.");
        }

        return value.GetString()!.Trim();
    }
}
