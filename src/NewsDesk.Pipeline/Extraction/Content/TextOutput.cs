using System.Buffers;
using System.Text;

namespace NewsDesk.Extraction.Content;

/// <summary>Plain-text writer that collapses whitespace and turns block boundaries into line breaks.</summary>
internal sealed class TextOutput
{
    private readonly StringBuilder _text = new();
    private int _pendingBreaks;
    private bool _pendingSpace;

    public int Length => _text.Length;

    public void Append(string value)
    {
        // Whole runs between whitespace are copied at once; this is the hottest loop of rendering.
        var rest = value.AsSpan();
        while (rest.Length > 0)
        {
            var start = rest.IndexOfAnyExcept(Whitespace);
            if (start < 0)
            {
                _pendingSpace = true;
                return;
            }

            if (start > 0)
            {
                _pendingSpace = true;
                rest = rest[start..];
            }

            var end = rest.IndexOfAny(Whitespace);
            var word = end < 0 ? rest : rest[..end];
            if (_text.Length > 0)
            {
                if (_pendingBreaks > 0)
                {
                    _text.Append('\n', _pendingBreaks);
                }
                else if (_pendingSpace)
                {
                    _text.Append(' ');
                }
            }

            _pendingBreaks = 0;
            _pendingSpace = false;
            _text.Append(word);
            rest = end < 0 ? [] : rest[end..];
        }
    }

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> accepts, including the no-break space.</summary>
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(AllWhitespace());

    private static string AllWhitespace()
    {
        var chars = new StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsWhiteSpace((char)c))
            {
                chars.Append((char)c);
            }
        }

        return chars.ToString();
    }

    /// <summary>Ends the current line (1) or paragraph (2); breaks never stack beyond one blank line.</summary>
    public void Break(int lines)
    {
        _pendingBreaks = Math.Max(_pendingBreaks, lines);
        _pendingSpace = false;
    }

    /// <summary>
    /// The text written since <paramref name="mark"/>, trimmed. Only the separators written before the first
    /// word (at most two line breaks or a space) can be whitespace at its ends, so it is one copy, not two.
    /// </summary>
    public string Since(int mark)
    {
        while (mark < _text.Length && _text[mark] is '\n' or ' ')
        {
            mark++;
        }

        return mark >= _text.Length ? "" : _text.ToString(mark, _text.Length - mark);
    }

    /// <summary>Drops everything written after <paramref name="mark"/>, leaving a paragraph break pending.</summary>
    public void Truncate(int mark)
    {
        _text.Length = Math.Min(mark, _text.Length);
        Break(2);
    }

    public override string ToString() => _text.ToString();
}
