using NewsDesk.Commands;

namespace NewsDesk.Tests.Parsing;

public sealed class FeedCommandsTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Parsing");

    [Fact]
    public void Eval_feeds_with_a_missing_folder_is_bad_usage() =>
        Assert.Equal(2, EvalFeedsCommand.Create().Parse(["--data", Path.Combine(Fixtures, "no-such-folder")]).Invoke());

    [Fact]
    public void Inspect_with_a_missing_file_is_bad_usage() =>
        Assert.Equal(2, FeedsInspectCommand.Create().Parse([Path.Combine(Fixtures, "no-such-file.xml")]).Invoke());

    [Fact]
    public void Inspect_of_a_document_that_is_not_a_feed_fails() =>
        Assert.Equal(1, FeedsInspectCommand.Create().Parse([Path.Combine(Fixtures, "unknown-root", "input.xml")]).Invoke());
}
