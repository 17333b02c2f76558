using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsDesk.Desks;

/// <summary>Checks desk profiles at start; each problem names the desk (by position and id) and the field, as the feeds file's errors do.</summary>
public static partial class DeskValidation
{
    public const string Section = "NewsDesk:Digest:Desks";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^([01]\d|2[0-3]):[0-5]\d$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    public static IEnumerable<string> Problems(IReadOnlyList<DeskOptions> desks)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < desks.Count; i++)
        {
            var desk = desks[i];
            var where = string.Create(CultureInfo.InvariantCulture, $"{Section}:{i} (\"{desk.Id}\")");
            if (!IdPattern().IsMatch(desk.Id))
            {
                yield return $"{where}: Id must be 1 to 40 of a-z, 0-9 and -, starting with a letter or digit.";
            }
            else if (!seen.Add(desk.Id))
            {
                yield return $"{where}: Id duplicates an earlier desk.";
            }

            if (desk.MinScore is < 0 or > 1)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{where}: MinScore {desk.MinScore} is outside 0 to 1.");
            }

            if (desk.Time is { } time && !TimePattern().IsMatch(time))
            {
                yield return $"{where}: Time \"{time}\" must be HH:mm (00:00 to 23:59).";
            }

            if (desk.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                yield return $"{where}: TimeZone \"{zone}\" is not a known time zone id (use an IANA id such as Europe/London).";
            }

            foreach (var address in desk.Recipients.Where(a => !MimeKit.MailboxAddress.TryParse(a, out _)))
            {
                yield return $"{where}: Recipients: \"{address}\" is not an e-mail address.";
            }

            if (desk.Webhook is { } hook && (!hook.IsAbsoluteUri || hook.Scheme is not ("http" or "https")))
            {
                yield return $"{where}: Webhook \"{hook}\" is not an absolute http(s) URL.";
            }

            foreach (var (field, list) in new[] { ("Themes", desk.Themes), ("Parties", desk.Parties), ("Sources", desk.Sources) })
            {
                if (list.Any(string.IsNullOrWhiteSpace))
                {
                    yield return $"{where}: {field} has an empty entry.";
                }
            }
        }
    }
}
