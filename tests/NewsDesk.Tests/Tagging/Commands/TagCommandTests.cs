using NewsDesk.Commands;

namespace NewsDesk.Tests.Tagging.Commands;

public sealed class TagCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("newsdesk-tag-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Tags_jsonl_with_text_split_into_lede_and_body()
    {
        var input = Path.Combine(_dir, "in.jsonl");
        var output = Path.Combine(_dir, "out.jsonl");
        File.WriteAllText(input, """
            {"id": "a", "title": "Chile and Ghana sign AI memorandum", "text": "Chile and Ghana signed a memorandum on artificial intelligence. It covers joint research. Officials met in Accra. A fourth sentence sits in the body."}
            {"id": "b", "title": "Start-up raises funds", "lede": "An AI start-up raised money from investors."}

            """);
        var error = new StringWriter();

        var code = TagCommand.Run(input, output, null, error);

        Assert.Equal(0, code);
        var lines = File.ReadAllLines(output);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"themes\":[\"bilateral\",\"research\"]", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"parties\":[\"Chile\",\"Ghana\"]", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"field\":\"lede\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"themes\":[]", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_file_is_bad_usage_named_in_one_sentence()
    {
        var error = new StringWriter();

        var code = TagCommand.Run(Path.Combine(_dir, "missing.jsonl"), Path.Combine(_dir, "out.jsonl"), null, error);

        Assert.Equal(2, code);
        Assert.Contains("missing.jsonl", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_folder_is_bad_usage_for_eval_themes()
    {
        var error = new StringWriter();

        var code = EvalThemesCommand.Run(Path.Combine(_dir, "nowhere"), null, false, false, TextWriter.Null, error);

        Assert.Equal(2, code);
        Assert.Contains("nowhere", error.ToString(), StringComparison.Ordinal);
    }
}
