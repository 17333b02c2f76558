using NewsDesk.Text;

namespace NewsDesk.Tagging;

/// <summary>Builds a <see cref="TagInput"/> when a source gives only a headline and one block of text.</summary>
public static class TagInputs
{
    /// <summary>The guide labels from the headline and the first one to three sentences, so that is what the lede is.</summary>
    public const int LedeSentences = 3;

    /// <summary>Uses the lede when given; otherwise the first <see cref="LedeSentences"/> sentences of <paramref name="text"/> are the lede and the rest the body.</summary>
    public static TagInput From(string title, string? lede, string? text)
    {
        if (!string.IsNullOrWhiteSpace(lede) || string.IsNullOrWhiteSpace(text))
        {
            return new TagInput(title, lede, string.IsNullOrWhiteSpace(text) ? null : text);
        }

        var sentences = SentenceSplitter.Split(text);
        if (sentences.Count <= LedeSentences)
        {
            return new TagInput(title, text.Trim(), null);
        }

        var split = sentences[LedeSentences - 1].Start + sentences[LedeSentences - 1].Length;
        return new TagInput(title, text[..split].Trim(), text[split..].Trim());
    }
}
