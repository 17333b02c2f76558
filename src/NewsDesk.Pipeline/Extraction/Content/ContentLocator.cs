namespace NewsDesk.Extraction.Content;

/// <summary>
/// Finds the blocks that hold the article: every prose paragraph scores its ancestors (more for
/// commas and length, less further up), scores are damped by link density and nudged by class
/// names, then the best block is widened to its parent when the parent is the real container and
/// joined by siblings that carry prose of their own. An itemprop="articleBody" block wins when it
/// holds most of that prose.
/// </summary>
internal static class ContentLocator
{
    private const int MinParagraphLetters = 20;
    private const int AncestorLevels = 5;

    public static IReadOnlyList<ContentNode> Locate(ContentNode body)
    {
        var candidates = ScoreCandidates(body);
        if (candidates.Count == 0)
        {
            return [body];
        }

        foreach (var candidate in candidates)
        {
            candidate.Score *= 1 - candidate.LinkDensity;
        }

        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var top = PreferSharedAncestor(candidates, body);
        top = ClimbWhileParentScoresHigher(top, body);
        var selected = WithSiblings(top);
        if (ClimbToProse(selected, body) is { } container)
        {
            selected = [container];
        }

        return PreferArticleBody(body, selected) ?? selected;
    }

    private static List<ContentNode> ScoreCandidates(ContentNode body)
    {
        var candidates = new List<ContentNode>();
        var stack = new Stack<ContentNode>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var child in node.Children)
            {
                if (!child.Removed)
                {
                    stack.Push(child);
                }
            }

            if (!IsScoredParagraph(node))
            {
                continue;
            }

            var score = 1.0 + node.Commas + Math.Min(node.InlineTextLength / 80, 3);
            var ancestor = node.Parent;
            for (var level = 0; level < AncestorLevels && ancestor is not null; level++, ancestor = ancestor.Parent)
            {
                if (!ancestor.IsCandidate)
                {
                    ancestor.IsCandidate = true;
                    ancestor.Score = TagBonus(ancestor.Tag) + 25 * ancestor.ClassWeight + (ancestor.IsStrong && ancestor.ProseLength >= ContentTreeBuilder.StrongMinProse ? 25 : 0);
                    candidates.Add(ancestor);
                }

                ancestor.Score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }

        return candidates;
    }

    private static bool IsScoredParagraph(ContentNode node) =>
        node.InlineTextLength >= MinParagraphLetters
        && !node.IsHeading
        && ((node.Kind & TagKind.ParagraphLike) != 0 || (node.IsBlock && !node.HasBlockChild))
        && node.LinkDensity < 0.5;

    private static double TagBonus(string tag) => tag switch
    {
        "div" or "article" or "main" => 5,
        "section" or "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };

    /// <summary>When several near-best blocks share an ancestor, the article is that ancestor.</summary>
    private static ContentNode PreferSharedAncestor(List<ContentNode> sorted, ContentNode body)
    {
        var top = sorted[0];
        var alternatives = sorted.Skip(1).Take(4).Where(c => c.Score >= top.Score * 0.75).ToList();
        if (alternatives.Count < 3)
        {
            return top;
        }

        for (var ancestor = top.Parent; ancestor is not null && ancestor != body; ancestor = ancestor.Parent)
        {
            var contained = alternatives.Count(a => IsDescendant(a, ancestor));
            if (contained >= 3)
            {
                return ancestor;
            }
        }

        return top;
    }

    private static ContentNode ClimbWhileParentScoresHigher(ContentNode top, ContentNode body)
    {
        var lastScore = top.Score;
        var threshold = lastScore / 3;
        for (var parent = top.Parent; parent is not null && parent != body; parent = parent.Parent)
        {
            if (!parent.IsCandidate)
            {
                continue;
            }

            if (parent.Score < threshold)
            {
                break;
            }

            if (parent.Score > lastScore)
            {
                top = parent;
                break;
            }

            lastScore = parent.Score;
        }

        while (top.Parent is not null && top.Parent != body && top.Parent.Children.Count(c => !c.Removed) == 1)
        {
            top = top.Parent;
        }

        return top;
    }

    /// <summary>
    /// Page builders (Squarespace, Divi, Elementor) split one article into many sibling blocks, each
    /// too small to win alone. When an ancestor holds clearly more prose at a low link density, the
    /// article is that ancestor; the climb stops at an &lt;article&gt;, &lt;main&gt; or named article body.
    /// </summary>
    private static ContentNode? ClimbToProse(List<ContentNode> selected, ContentNode body)
    {
        var current = selected.Count == 1 ? selected[0] : selected[0].Parent;
        if (current is null || IsBoundary(current))
        {
            return null;
        }

        var prose = selected.Sum(s => s.ProseLength);
        var text = selected.Sum(s => s.TextLength);
        var links = selected.Sum(s => s.LinkTextLength);
        ContentNode? best = null;
        for (var parent = current.Parent; parent is not null && parent != body; parent = parent.Parent)
        {
            // Judge only what the parent adds: teaser lists add headline links, dates and short excerpts.
            double addedText = parent.TextLength - text;
            if (parent.ProseLength >= prose * 1.3 && addedText > 0
                && (parent.LinkTextLength - links) / addedText < 0.15 && (parent.ProseLength - prose) / addedText > 0.6)
            {
                best = parent;
                prose = parent.ProseLength;
                text = parent.TextLength;
                links = parent.LinkTextLength;
            }

            if (IsBoundary(parent))
            {
                break;
            }
        }

        return best;
    }

    private static bool IsBoundary(ContentNode node) =>
        node.Tag is "article" or "main" || node.IsArticleBody || (node.IsStrong && node.ProseLength >= ContentTreeBuilder.StrongMinProse);

    private static List<ContentNode> WithSiblings(ContentNode top)
    {
        if (top.Parent is null)
        {
            return [top];
        }

        var threshold = Math.Max(10, top.Score * 0.2);
        var topKey = ContentTreeBuilder.ClassKey(top);
        var result = new List<ContentNode>();
        foreach (var sibling in top.Parent.Children)
        {
            if (sibling == top)
            {
                result.Add(sibling);
                continue;
            }

            if (sibling.Removed || sibling.TextLength == 0)
            {
                continue;
            }

            var bonus = topKey.Length > 0 && ContentTreeBuilder.ClassKey(sibling) == topKey ? top.Score * 0.2 : 0;
            if (sibling.IsCandidate && sibling.Score + bonus >= threshold)
            {
                result.Add(sibling);
            }
            else if (sibling.Tag == "p" && sibling.ClassWeight >= 0)
            {
                var density = sibling.LinkDensity;
                // A long paragraph with few links, or a short one with none, continues the article.
                if ((sibling.TextLength > 65 && density < 0.25) || density == 0)
                {
                    result.Add(sibling);
                }
            }
        }

        return result;
    }

    private static List<ContentNode>? PreferArticleBody(ContentNode body, List<ContentNode> selected)
    {
        ContentNode? best = null;
        var stack = new Stack<ContentNode>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.IsStrong && !node.Removed && (best is null || Rank(node) > Rank(best)))
            {
                best = node;
            }

            foreach (var child in node.Children)
            {
                if (!child.Removed)
                {
                    stack.Push(child);
                }
            }
        }

        var selectedProse = selected.Sum(s => s.ProseLength);
        return best is not null && best.ProseLength >= Math.Max(selectedProse * 0.6, ContentTreeBuilder.StrongMinProse) ? [best] : null;
    }

    /// <summary>itemprop=articleBody outranks a class name; then more prose wins.</summary>
    private static long Rank(ContentNode node) => (node.IsArticleBody ? 1L << 40 : 0) + node.ProseLength;

    private static bool IsDescendant(ContentNode node, ContentNode ancestor)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
