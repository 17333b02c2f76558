using NewsDesk.Text;

namespace NewsDesk.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("The UK and India signed an MoU. It covers AI safety.", 2)]
    [InlineData("Mr. Smith met Dr. Jones in the U.S. on Monday. They talked.", 2)]
    [InlineData("President John F. Kennedy spoke. Then he left!", 2)]
    [InlineData("First paragraph without a stop\n\nSecond paragraph.", 2)]
    [InlineData("Version 1.5 was released. Good.", 2)]
    [InlineData("", 0)]
    public void Splits_into_expected_number_of_sentences(string text, int expected)
    {
        Assert.Equal(expected, SentenceSplitter.Split(text).Count);
    }

    [Fact]
    public void Offsets_point_back_into_the_source()
    {
        const string text = "  One sentence here. \"Another one,\" she said. Third?";
        foreach (var span in SentenceSplitter.Split(text))
        {
            Assert.Equal(span.Value, text.Substring(span.Start, span.Length));
        }
    }
}
