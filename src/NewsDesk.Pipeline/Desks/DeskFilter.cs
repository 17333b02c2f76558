using NewsDesk.Storage;

namespace NewsDesk.Desks;

/// <summary>
/// Which of a day's articles a desk sees, and with which tags. One place for the rule, so the desk's digest, its
/// export and its alerts agree.
/// </summary>
public static class DeskFilter
{
    /// <summary>The articles the desk sees, each as <see cref="Admit"/> gives it, in their order.</summary>
    public static IEnumerable<Article> Apply(DeskOptions desk, IEnumerable<Article> articles) =>
        articles.Select(a => Admit(desk, a)).OfType<Article>();

    /// <summary>
    /// The article as the desk sees it (only the tags it follows, at or above its minimum score), or null when the desk
    /// does not see it: from another source, naming none of its parties, or tagged only with themes it does not follow.
    /// An article with no tag at all stays, untagged: the desk decides whether those are listed.
    /// </summary>
    public static Article? Admit(DeskOptions desk, Article article)
    {
        if (desk.Sources.Count > 0 && !desk.Sources.Any(s => s.Equals(article.FeedId, StringComparison.OrdinalIgnoreCase) || s.Equals(article.SourceKind, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (desk.Parties.Count > 0 && !desk.Parties.Any(p => article.Parties.Contains(p, StringComparer.OrdinalIgnoreCase) || article.Countries.Contains(p, StringComparer.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (article.Tags.Length == 0 || (desk.Themes.Count == 0 && desk.MinScore is null))
        {
            return article;
        }

        var tags = article.Tags
            .Where(t => (desk.Themes.Count == 0 || desk.Themes.Contains(t.Theme, StringComparer.Ordinal)) && t.Score >= (desk.MinScore ?? 0))
            .ToArray();
        return tags.Length == 0 ? null : article with { Tags = tags, Themes = [.. tags.Select(t => t.Theme)] };
    }
}
