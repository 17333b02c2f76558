using NewsDesk.Tagging;

namespace NewsDesk.Tests.Tagging;

public sealed class ThemeTaggerEvidenceTests
{
    private static readonly ThemeTagger Tagger = new(Taxonomy.LoadDefault());

    private static readonly TagInput Article = new(
        "Kenya and Norway sign memorandum on AI",
        "Kenya and Norway signed a memorandum of understanding on Friday. It commits both governments to joint research on safe artificial intelligence.",
        "Officials said the first projects would start in spring. The memorandum also covers training for civil servants.");

    [Fact]
    public void Every_evidence_phrase_sits_at_its_offset_inside_its_sentence_and_field()
    {
        var result = Tagger.Tag(Article);

        Assert.NotEmpty(result.Tags);
        foreach (var evidence in result.Tags.SelectMany(t => t.Evidence))
        {
            var field = evidence.Field switch { "title" => Article.Title, "lede" => Article.Lede!, "body" => Article.Body!, _ => throw new InvalidOperationException(evidence.Field) };
            Assert.Equal(evidence.Phrase, field.Substring(evidence.Offset, evidence.Phrase.Length));
            Assert.Contains(evidence.Phrase, evidence.Sentence, StringComparison.Ordinal);
            Assert.Contains(evidence.Sentence, field, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evidence_names_the_sentence_of_the_phrase()
    {
        var result = Tagger.Tag(Article);

        var research = Assert.Single(result.Tags, t => t.Theme == "research");
        var top = research.Evidence[0];
        Assert.Equal("lede", top.Field);
        Assert.Equal("research", top.Phrase);
        Assert.StartsWith("It commits both governments", top.Sentence, StringComparison.Ordinal);
        Assert.Equal(Article.Lede!.IndexOf("research", StringComparison.Ordinal), top.Offset);
    }

    [Fact]
    public void Bilateral_reports_both_parties_and_the_countries()
    {
        var result = Tagger.Tag(Article);

        Assert.Contains(result.Tags, t => t.Theme == "bilateral");
        Assert.Equal(["Kenya", "Norway"], result.Parties);
        Assert.Equal(["Kenya", "Norway"], result.Countries);
    }

    [Fact]
    public void Organisations_come_from_the_list_and_from_name_patterns()
    {
        var result = Tagger.Tag(new TagInput(
            "NIST and the Korea AI Safety Institute publish joint testing results",
            "The Japan Science and Technology Agency and OpenAI also took part.",
            null));

        Assert.Contains("NIST", result.Organisations);
        Assert.Contains("Korea AI Safety Institute", result.Organisations);
        Assert.Contains("Japan Science and Technology Agency", result.Organisations);
        Assert.Contains("OpenAI", result.Organisations);
    }

    [Fact]
    public void Concurrent_calls_give_the_same_results_as_sequential_ones()
    {
        var inputs = Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? Article : new TagInput($"G7 ministers adopt AI code of conduct {i}", "The G7 agreed a voluntary code of conduct for developers of advanced AI systems.", null)).ToArray();
        var expected = inputs.Select(i => string.Join(",", Tagger.Tag(i).Tags.Select(t => t.Theme))).ToArray();

        var actual = new string[inputs.Length];
        Parallel.For(0, inputs.Length, i => actual[i] = string.Join(",", Tagger.Tag(inputs[i]).Tags.Select(t => t.Theme)));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Text_without_a_lede_uses_its_first_three_sentences_as_lede()
    {
        var input = TagInputs.From("Title", null, "One. Two. Three. Four. Five.");

        Assert.Equal("One. Two. Three.", input.Lede);
        Assert.Equal("Four. Five.", input.Body);
    }
}
