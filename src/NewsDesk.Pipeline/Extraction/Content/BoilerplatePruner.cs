namespace NewsDesk.Extraction.Content;

/// <summary>
/// Removes page chrome before scoring: navigation, asides, footers and headers by tag or ARIA role,
/// and blocks whose class or id names them as share bars, related links, newsletter or cookie boxes,
/// comments and the like. A block that holds most of the page's prose is kept whatever its name,
/// because some templates put the whole article inside a wrapper called "page-header" or "has-sidebar".
/// </summary>
internal static class BoilerplatePruner
{
    private static readonly HashSet<string> ChromeTags = new(StringComparer.Ordinal) { "nav", "aside", "footer", "header" };

    /// <summary>Prunes below <paramref name="root"/>; a block is only protected when it holds at least this share of the root's prose.</summary>
    public static void Prune(ContentNode root, double protectShare)
    {
        var protectAbove = Math.Max(1, root.ProseLength * protectShare);
        var stack = new Stack<ContentNode>();
        var removed = new List<ContentNode>();
        PushChildren(root, stack);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.IsText || node.Removed)
            {
                continue;
            }

            if (IsChrome(node) && (node.ProseLength < protectAbove || ClassPatterns.IsComments(node.ClassAndId)))
            {
                node.Removed = true;
                removed.Add(node);
                continue;
            }

            PushChildren(node, stack);
        }

        ResummariseAncestors(removed);
    }

    private static bool IsChrome(ContentNode node) =>
        !node.ContainsStrong && (ChromeTags.Contains(node.Tag) || ClassPatterns.Weigh(node.ClassAndId) < 0);

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

    private static void PushChildren(ContentNode node, Stack<ContentNode> stack)
    {
        for (var i = node.Children.Count - 1; i >= 0; i--)
        {
            stack.Push(node.Children[i]);
        }
    }
}
