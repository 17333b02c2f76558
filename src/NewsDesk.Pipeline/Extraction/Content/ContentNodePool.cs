namespace NewsDesk.Extraction.Content;

/// <summary>
/// The content tree's nodes, kept per thread from page to page: a new tree per page was most of what
/// extraction allocated, and it was collected while the next page's DOM was alive (each collection then
/// has to copy that DOM). Rent one pool per page and return it when the page is done; returning clears
/// every node's references into the page. Past <see cref="MaxKept"/> nodes the extra ones are let go.
/// </summary>
internal sealed class ContentNodePool
{
    private const int MaxKept = 20_000;

    [ThreadStatic]
    private static ContentNodePool? t_pool;

    private readonly List<ContentNode> _nodes = [];
    private int _used;

    /// <summary>This thread's pool, or a new one when it is already in use (a page extracted inside another).</summary>
    public static ContentNodePool Rent()
    {
        var pool = t_pool ?? new ContentNodePool();
        t_pool = null;
        return pool;
    }

    public ContentNode Next()
    {
        if (_used == _nodes.Count)
        {
            _nodes.Add(new ContentNode());
        }

        return _nodes[_used++];
    }

    public void Return()
    {
        for (var i = 0; i < _used; i++)
        {
            _nodes[i].Clear();
        }

        if (_nodes.Count > MaxKept)
        {
            _nodes.RemoveRange(MaxKept, _nodes.Count - MaxKept);
        }

        _used = 0;
        t_pool = this;
    }
}
