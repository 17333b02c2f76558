using NewsDesk.Commands;
using NewsDesk.Extraction.Batch;

namespace NewsDesk.Tests.Extraction;

public sealed class ExtractionCommandTests
{
    [Fact]
    public void Extract_writes_text_and_metadata_for_each_page()
    {
        var input = Directory.CreateTempSubdirectory("newsdesk-extract-in-");
        var output = Path.Combine(Path.GetTempPath(), "newsdesk-extract-out-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Extraction", "govuk-news", "source.html"), Path.Combine(input.FullName, "p1.html"));

            var exitCode = ExtractCommand.Create().Parse(["--in", input.FullName, "--out", output]).Invoke();

            Assert.Equal(0, exitCode);
            Assert.StartsWith("The government has announced", File.ReadAllText(Path.Combine(output, "p1.txt")), StringComparison.Ordinal);
            var metadata = ExtractedMetadataFile.FromJson(File.ReadAllText(Path.Combine(output, "p1.json")));
            Assert.NotNull(metadata);
            Assert.True(metadata.IsArticle);
            Assert.Equal("GOV.UK", metadata.SiteName);
        }
        finally
        {
            input.Delete(true);
            if (Directory.Exists(output))
            {
                Directory.Delete(output, true);
            }
        }
    }

    [Fact]
    public void Missing_folders_are_bad_usage()
    {
        var missing = Path.Combine(Path.GetTempPath(), "newsdesk-missing-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(2, ExtractCommand.Create().Parse(["--in", missing, "--out", missing + "-out"]).Invoke());
        Assert.Equal(2, EvalExtractionCommand.Create().Parse(["--data", missing]).Invoke());
    }
}
