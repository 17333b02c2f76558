using System.Globalization;
using System.Text;

namespace NewsDesk.Feeds;

/// <summary>Feed ids: lower-case letters, digits, '-', '_' and '.'; made from a title when the user gives none.</summary>
public static class FeedIds
{
    private const int MaxLength = 48;

    public static bool IsValid(string id) =>
        id.Length > 0 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.');

    /// <summary>
    /// "Département de l'Économie — News" becomes "departement-de-l-economie-news": accents dropped, every other run
    /// of characters a single '-'. A title with nothing usable falls back to the host name; a taken id gets -2, -3...
    /// </summary>
    public static string FromTitle(string? title, Uri url, IReadOnlySet<string> taken)
    {
        var slug = Slug(title);
        if (slug.Length == 0)
        {
            slug = Slug(url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host);
        }

        if (slug.Length == 0)
        {
            slug = "feed";
        }

        var id = slug;
        for (var n = 2; taken.Contains(id); n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            id = slug[..Math.Min(slug.Length, MaxLength - suffix.Length)].TrimEnd('-') + suffix;
        }

        return id;
    }

    private static string Slug(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower))
            {
                sb.Append(lower);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }

            if (sb.Length >= MaxLength)
            {
                break;
            }
        }

        return sb.ToString().Trim('-');
    }
}
