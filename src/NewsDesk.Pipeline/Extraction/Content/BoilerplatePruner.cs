namespace NewsDesk.Extraction.Content;

/// <summary>
/// Removes page chrome before scoring: navigation, asides, footers and headers by tag or ARIA role,
/// and blocks whose class or id names them as share bars, related links, newsletter or cookie boxes,
/// comments and the like. A block that holds most of the page's prose is kept whatever its name,
/// because some templates put the whole article inside a wrapper called "page-header" or "has-sidebar".
/// </summary>
internal static class BoilerplatePruner
{
    /// <summary>Prunes below <paramref name="root"/>; a block is only protected when it holds at least this share of the root's prose.</summary>
    public static void Prune(ContentNode root, double protectShare)
    {
        var protectAbove = Math.Max(1, root.ProseLength * protectShare);
        var removed = new List<ContentNode>();
        Walk(root, protectAbove, removed);
        ResummariseAncestors(removed);
    }

    /// <summary>Pre-order, so a removed block's descendants are never judged; depth is bounded by the tree builder.</summary>
    private static void Walk(ContentNode parent, double protectAbove, List<ContentNode> removed)
    {
        foreach (var node in parent.Children)
        {
            if (node.Removed)
            {
                continue;
            }

            if (IsChrome(node) && (node.ProseLength < protectAbove || (node.Verdict & ClassVerdict.Comments) != 0))
            {
                node.Removed = true;
                removed.Add(node);
                continue;
            }

            Walk(node, protectAbove, removed);
        }
    }

    private static bool IsChrome(ContentNode node) =>
        !node.ContainsStrong && ((node.Kind & TagKind.Chrome) != 0 || node.ClassWeight < 0);

    /// <summary>
    /// Brings the statistics of every ancestor of the removed nodes up to date, each ancestor once and
    /// deepest first. Deferring this to the end of the walk is safe because the walk is pre-order: when a
    /// node is removed all its ancestors have already been judged, and no node judged later lies above it.
    /// </summary>
    private static void ResummariseAncestors(List<ContentNode> removed)
    {
        if (removed.Count == 0)
        {
            return;
        }

        var depths = new Dictionary<ContentNode, int>();
        var chain = new List<ContentNode>();
        foreach (var node in removed)
        {
            chain.Clear();
            var depth = 0;
            for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
            {
                chain.Add(ancestor);
                depth++;
            }

            // chain[i] sits at depth (depth - i) counted from the top of the tree.
            for (var i = 0; i < chain.Count; i++)
            {
                if (!depths.TryAdd(chain[i], depth - i))
                {
                    // Already seen, and so are all the ancestors above it.
                    break;
                }
            }
        }

        var dirty = depths.Keys.ToArray();
        var order = dirty.Select(n => depths[n]).ToArray();
        Array.Sort(order, dirty);
        for (var i = dirty.Length - 1; i >= 0; i--)
        {
            ContentTreeBuilder.Summarise(dirty[i]);
        }
    }
}
