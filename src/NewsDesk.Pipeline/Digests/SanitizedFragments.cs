using NewsDesk.Text;

namespace NewsDesk.Digests;

/// <summary>
/// Sanitised HTML fragments, kept by their text before sanitising. The digests made together (every desk's of one day)
/// share one, so a story shown the same way in several desks' digests goes through the sanitiser once: the sanitiser
/// parses each fragment, and is most of the cost of an HTML digest.
/// </summary>
public sealed class SanitizedFragments
{
    private readonly Dictionary<string, string> _sanitized = new(StringComparer.Ordinal);

    /// <summary><see cref="HtmlText.Sanitize"/> of <paramref name="html"/>, done once per distinct fragment.</summary>
    public string Sanitize(string html)
    {
        if (!_sanitized.TryGetValue(html, out var clean))
        {
            clean = HtmlText.Sanitize(html);
            _sanitized[html] = clean;
        }

        return clean;
    }
}
