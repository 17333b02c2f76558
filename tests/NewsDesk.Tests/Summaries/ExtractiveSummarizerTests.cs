using System.Diagnostics;
using NewsDesk.Summaries;
using NewsDesk.Text;

namespace NewsDesk.Tests.Summaries;

public sealed class ExtractiveSummarizerTests
{
    private const string Article =
        "Canada and South Korea agreed on Tuesday to build a joint programme for testing advanced AI models. " +
        "Share this article on social media. " +
        "The two governments will pool evaluation tools and exchange researchers between their AI safety institutes. " +
        "Officials said the programme would start with shared tests of large language models next spring. " +
        "Photo: Delegates at the signing ceremony in Ottawa. " +
        "Canada and South Korea agreed on Tuesday to build a joint programme for testing advanced AI models, officials repeated. " +
        "What do you think about AI testing? " +
        "The agreement follows a year of talks between the two science ministries and several universities. " +
        "Sign up for our weekly newsletter to get more stories like this.";

    private readonly ExtractiveSummarizer summarizer = new();

    [Fact]
    public void Empty_text_gives_an_empty_summary()
    {
        var summary = summarizer.Summarize("", "Title", "https://example.org/a");

        Assert.Empty(summary.Sentences);
        Assert.Equal(SummaryMethods.Extractive, summary.Method);
    }

    [Fact]
    public void Short_text_returns_what_there_is()
    {
        const string text = "Japan joins the AI pact. More to follow soon.";

        var summary = summarizer.Summarize(text, null, null);

        Assert.Equal(2, summary.Sentences.Length);
        Assert.Equal(text, summary.Text);
    }

    [Fact]
    public void Picks_two_or_three_sentences_in_source_order_with_offsets_into_the_text()
    {
        var summary = summarizer.Summarize(Article, "Canada and South Korea to test AI models together", "https://example.org/ca-kr");

        Assert.InRange(summary.Sentences.Length, 2, 3);
        var spans = SentenceSplitter.Split(Article);
        var previous = -1;
        foreach (var sentence in summary.Sentences)
        {
            Assert.Equal(sentence.Text, Article.Substring(sentence.Start, sentence.Length));
            Assert.Equal(spans[sentence.SentenceIndex].Start, sentence.Start);
            Assert.Equal("https://example.org/ca-kr", sentence.SourceUrl);
            Assert.True(sentence.SentenceIndex > previous);
            previous = sentence.SentenceIndex;
        }
    }

    [Fact]
    public void Skips_boilerplate_and_questions_to_the_reader()
    {
        var summary = summarizer.Summarize(Article, null, null);

        Assert.DoesNotContain(summary.Sentences, s => s.Text.Contains("Share this", StringComparison.Ordinal));
        Assert.DoesNotContain(summary.Sentences, s => s.Text.StartsWith("Photo:", StringComparison.Ordinal));
        Assert.DoesNotContain(summary.Sentences, s => s.Text.EndsWith('?'));
        Assert.DoesNotContain(summary.Sentences, s => s.Text.Contains("newsletter", StringComparison.Ordinal));
    }

    [Fact]
    public void Drops_a_sentence_that_repeats_one_already_chosen()
    {
        var summary = summarizer.Summarize(Article, null, null);

        Assert.Equal(0, summary.Sentences[0].SentenceIndex);
        Assert.DoesNotContain(summary.Sentences, s => s.Text.EndsWith("officials repeated.", StringComparison.Ordinal));
    }

    [Fact]
    public void Respects_max_sentences()
    {
        Assert.Single(summarizer.Summarize(Article, null, null, maxSentences: 1).Sentences);
    }

    [Fact]
    public void Long_text_stays_fast()
    {
        string[] subjects = ["Ministers", "Regulators", "Researchers", "Diplomats", "Companies", "Universities", "Auditors"];
        string[] verbs = ["discussed", "published", "reviewed", "funded", "tested", "drafted", "signed"];
        string[] objects = ["safety benchmarks", "export rules", "training grants", "data sharing", "model audits"];
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            builder.Append(subjects[i % 7]).Append(' ').Append(verbs[i * 3 % 7]).Append(' ').Append(objects[i % 5])
                .Append(" with partners in region ").Append(i).Append(" during the spring meetings. ");
        }

        var text = builder.ToString();
        summarizer.Summarize(text, null, null); // warm up
        var watch = Stopwatch.StartNew();
        var summary = summarizer.Summarize(text, null, null);
        watch.Stop();

        Assert.Equal(3, summary.Sentences.Length);
        Assert.True(watch.ElapsedMilliseconds < 200, $"took {watch.ElapsedMilliseconds} ms");
    }
}
