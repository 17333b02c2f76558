using System.Text;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// Keeps the two big string builders of rendering (plain text and cleaned HTML) per thread between pages,
/// as the BCL's own StringBuilderCache does for small ones: a fresh pair grew chunk by chunk to the size of
/// the article on every page, and that garbage was collected while the next page's DOM was alive.
/// Builders that grew past <see cref="MaxKeptCapacity"/> are let go, so one huge page cannot pin memory.
/// </summary>
internal static class BuilderCache
{
    private const int MaxKeptCapacity = 256 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_text;
    [ThreadStatic]
    private static StringBuilder? t_html;

    public static StringBuilder AcquireText() => Take(ref t_text);

    public static StringBuilder AcquireHtml() => Take(ref t_html);

    public static string ReleaseText(StringBuilder builder) => Release(builder, ref t_text);

    public static string ReleaseHtml(StringBuilder builder) => Release(builder, ref t_html);

    private static StringBuilder Take(ref StringBuilder? slot)
    {
        var builder = slot ?? new StringBuilder(4096);
        slot = null;
        return builder;
    }

    private static string Release(StringBuilder builder, ref StringBuilder? slot)
    {
        var result = builder.ToString();
        if (builder.Capacity <= MaxKeptCapacity)
        {
            builder.Clear();
            slot = builder;
        }

        return result;
    }
}
