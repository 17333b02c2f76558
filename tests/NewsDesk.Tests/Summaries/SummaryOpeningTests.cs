using NewsDesk.Summaries;

namespace NewsDesk.Tests.Summaries;

public sealed class SummaryOpeningTests
{
    [Theory]
    [InlineData("BRUSSELS, Nov 23 (PolicyWire) - The EU and Japan agreed a plan.", "The EU and Japan agreed a plan.")]
    [InlineData("LONDON (Reuters) \u2014 Britain signed the accord.", "Britain signed the accord.")]
    [InlineData("NEW DELHI - India joined the partnership on Friday.", "India joined the partnership on Friday.")]
    [InlineData("(PolicyWire) - Ministers met in Paris.", "Ministers met in Paris.")]
    [InlineData("By Maria Lopez MADRID (PolicyWire) \u2014 Spain signed.", "Spain signed.")]
    [InlineData("The UK and India signed an AI memorandum - a first.", "The UK and India signed an AI memorandum - a first.")]
    [InlineData("AI - the new frontier of diplomacy", "AI - the new frontier of diplomacy")]
    public void Drops_datelines_and_bylines_but_not_dashes_in_prose(string sentence, string expected)
    {
        Assert.Equal(expected, SummaryOpening.WithoutDateline(sentence));
    }

    [Theory]
    [InlineData("It also lays down a timetable for common standards.", true)]
    [InlineData("This covers two hundred officials a year.", true)]
    [InlineData("The move follows months of talks.", true)]
    [InlineData("However, officials said more work was needed.", true)]
    [InlineData("This week the two governments signed a memorandum.", false)]
    [InlineData("The agreement between Canada and Germany covers AI research.", false)]
    [InlineData("Italy and Japan signed an AI memorandum.", false)]
    [InlineData("Items on the agenda include AI safety.", false)]
    public void Knows_a_sentence_that_refers_back(string sentence, bool refersBack)
    {
        Assert.Equal(refersBack, SummaryOpening.RefersBack(sentence));
    }

    [Fact]
    public void A_summary_never_opens_on_a_dateline_or_a_sentence_that_refers_back()
    {
        const string text = "BRUSSELS, Nov 23 (PolicyWire) - The European Union and Japan agreed on Monday to run joint safety tests of advanced AI models. " +
            "It also lays down a timetable for common standards on model disclosure by 2027.";

        var summary = new ExtractiveSummarizer().Summarize(text, "EU and Japan agree to test AI models together", null);

        Assert.True(SummaryOpening.OpensCleanly(summary.Text), summary.Text);
        Assert.StartsWith("The European Union and Japan agreed", summary.Text, StringComparison.Ordinal);
        // The sentence offsets still point into the source text, past the dateline.
        Assert.Equal(summary.Sentences[0].Text, text.Substring(summary.Sentences[0].Start, summary.Sentences[0].Length));
    }
}
