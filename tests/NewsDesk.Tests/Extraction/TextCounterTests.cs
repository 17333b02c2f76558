using NewsDesk.Extraction.Content;

namespace NewsDesk.Tests.Extraction;

/// <summary>The vectorised count must agree with char.IsLetterOrDigit on every kind of text, ASCII or not.</summary>
public sealed class TextCounterTests
{
    [Theory]
    [InlineData("")]
    [InlineData("Hello, world")]
    [InlineData("The quick brown fox, 42 times, jumps over the lazy dog; [a]{b}`c`@d_e-f/g:h.")]
    [InlineData("Überall, café ñandú — 東京、大阪，名古屋 and ٣٤ digits, then plain ASCII text again to fill blocks")]
    [InlineData("\t\n  \u00A0\u2003 spaces , , , and @[`{ edges ZAza09/:")]
    public void Counts_like_char_IsLetterOrDigit(string text)
    {
        int letters = 0, commas = 0;

        TextCounter.Count(text, ref letters, ref commas);

        Assert.Equal(text.Count(char.IsLetterOrDigit), letters);
        Assert.Equal(text.Count(c => c is ',' or '\u3001' or '\uFF0C'), commas);
    }

    [Fact]
    public void Counts_every_character_of_the_ascii_range()
    {
        var text = new string([.. Enumerable.Range(0, 256).Select(i => (char)i)]);
        int letters = 0, commas = 0;

        TextCounter.Count(text, ref letters, ref commas);

        Assert.Equal(text.Count(char.IsLetterOrDigit), letters);
        Assert.Equal(1, commas);
    }
}
