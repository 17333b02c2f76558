using System.Text;

namespace NewsDesk.Parsing.Charsets;

/// <summary>Decodes as windows-1252 while keeping the declared name (iso-8859-1) for reporting.</summary>
internal sealed class Latin1AsWindows1252 : Encoding
{
    private static readonly Encoding Windows1252 = GetEncoding(1252);

    public override string WebName => "iso-8859-1";

    public override int GetByteCount(char[] chars, int index, int count) => Windows1252.GetByteCount(chars, index, count);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        Windows1252.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

    public override int GetCharCount(byte[] bytes, int index, int count) => Windows1252.GetCharCount(bytes, index, count);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        Windows1252.GetChars(bytes, byteIndex, byteCount, chars, charIndex);

    public override int GetMaxByteCount(int charCount) => charCount;

    public override int GetMaxCharCount(int byteCount) => byteCount;
}
