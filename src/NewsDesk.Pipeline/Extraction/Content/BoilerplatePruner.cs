namespace NewsDesk.Extraction.Content;

/// <summary>
/// Removes page chrome before scoring: navigation, asides, footers and headers by tag or ARIA role,
/// and blocks whose class or id names them as share bars, related links, newsletter or cookie boxes,
/// comments and the like. A block that holds most of the page's prose is kept whatever its name,
/// because some templates put the whole article inside a wrapper called "page-header" or "has-sidebar".
/// </summary>
internal sealed class BoilerplatePruner(ClassPatterns patterns)
{
    private static readonly HashSet<string> ChromeTags = new(StringComparer.Ordinal) { "nav", "aside", "footer", "header" };

    /// <summary>Prunes below <paramref name="root"/>; a block is only protected when it holds at least this share of the root's prose.</summary>
    public void Prune(ContentNode root, double protectShare)
    {
        var protectAbove = Math.Max(1, root.ProseLength * protectShare);
        var stack = new Stack<ContentNode>();
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
                Remove(node);
                continue;
            }

            PushChildren(node, stack);
        }
    }

    public bool IsChrome(ContentNode node) =>
        !node.ContainsStrong && (ChromeTags.Contains(node.Tag) || patterns.Weigh(node.ClassAndId) < 0);

    public static void Remove(ContentNode node)
    {
        node.Removed = true;
        for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            ContentTreeBuilder.Summarise(ancestor);
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
