using System.Collections.Concurrent;
using NewsDesk.Text;

namespace NewsDesk.Digests;

/// <summary>
/// Sanitised HTML fragments, kept by their text before sanitising. The digests made together (every desk's of one day)
/// share one, so a story shown the same way in several desks' digests goes through the sanitiser once: the sanitiser
/// parses each fragment, and is most of the cost of an HTML digest. The digests are rendered at once, on every core,
/// so it is safe to share between threads.
/// </summary>
public sealed class SanitizedFragments
{
    private readonly ConcurrentDictionary<string, string> _sanitized = new(StringComparer.Ordinal);

    /// <summary><see cref="HtmlText.Sanitize"/> of <paramref name="html"/>, done once per distinct fragment.</summary>
    public string Sanitize(string html) => _sanitized.GetOrAdd(html, HtmlText.Sanitize);
}
