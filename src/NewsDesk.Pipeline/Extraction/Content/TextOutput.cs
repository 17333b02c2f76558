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
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = true;
                continue;
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
            _text.Append(c == '\u00A0' ? ' ' : c);
        }
    }

    /// <summary>Ends the current line (1) or paragraph (2); breaks never stack beyond one blank line.</summary>
    public void Break(int lines)
    {
        _pendingBreaks = Math.Max(_pendingBreaks, lines);
        _pendingSpace = false;
    }

    public string Since(int mark) => mark >= _text.Length ? "" : _text.ToString(mark, _text.Length - mark).Trim();

    /// <summary>Drops everything written after <paramref name="mark"/>, leaving a paragraph break pending.</summary>
    public void Truncate(int mark)
    {
        _text.Length = Math.Min(mark, _text.Length);
        Break(2);
    }

    public override string ToString() => _text.ToString();
}
