using System.Text;

namespace NewsDesk.Extraction.Content;

/// <summary>Plain-text writer that collapses whitespace and turns block boundaries into line breaks.</summary>
internal sealed class TextOutput
{
    private readonly StringBuilder _text;
    private int _pendingBreaks;
    private bool _pendingSpace;

    public TextOutput()
        : this(new StringBuilder())
    {
    }

    /// <summary>Writes into <paramref name="builder"/> (a cached one, see <see cref="BuilderCache"/>), which must be empty.</summary>
    public TextOutput(StringBuilder builder) => _text = builder;

    /// <summary>The builder written to, for handing back to <see cref="BuilderCache"/>.</summary>
    public StringBuilder Builder => _text;

    public int Length => _text.Length;

    public void Append(string value)
    {
        // Whole words are copied at once; this is the hottest loop of rendering. A plain scan beats two
        // vectorised searches per word here, because words are short.
        var rest = value.AsSpan();
        var i = 0;
        while (i < rest.Length)
        {
            if (IsWhiteSpace(rest[i]))
            {
                _pendingSpace = true;
                i++;
                continue;
            }

            var start = i;
            while (i < rest.Length && !IsWhiteSpace(rest[i]))
            {
                i++;
            }

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
            _text.Append(rest[start..i]);
        }
    }

    /// <summary>The same characters as <see cref="char.IsWhiteSpace(char)"/>, with the common ones decided without a table lookup.</summary>
    private static bool IsWhiteSpace(char c) =>
        c <= ' ' ? c == ' ' || c is >= '\t' and <= '\r' : c >= '\u0085' && char.IsWhiteSpace(c);

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
