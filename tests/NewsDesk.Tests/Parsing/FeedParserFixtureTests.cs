using System.Text.Json.Nodes;
using NewsDesk.Parsing;

namespace NewsDesk.Tests.Parsing;

/// <summary>
/// Golden pairs under Fixtures/Parsing/&lt;case&gt;: input.xml or input.json, optional content-type.txt and
/// base-url.txt (what the fetcher would pass), and expected.json — either the `feeds inspect` view of the
/// parsed feed, or {"error": "part of the message"} for inputs that must be refused.
/// </summary>
public sealed class FeedParserFixtureTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Parsing");

    public static TheoryData<string> Cases() => [.. Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses_fixture_as_expected(string name)
    {
        var dir = Path.Combine(Root, name);
        var expectedPath = Path.Combine(dir, "expected.json");
        var (data, contentType, baseUrl) = ReadInput(dir);
        if (!File.Exists(expectedPath))
        {
            var received = new StringWriter();
            try
            {
                FeedInspector.Write(new FeedParser().Parse(data, contentType, baseUrl), received);
            }
            catch (FeedParseException ex)
            {
                received.Write(new JsonObject { ["error"] = ex.Message }.ToJsonString());
            }

            File.WriteAllText(Path.Combine(dir, "expected.received.json"), received.ToString());
            Assert.Fail($"{name}: no expected.json; wrote expected.received.json in the output folder for review");
        }

        var expected = JsonNode.Parse(File.ReadAllText(expectedPath))!;

        if (expected["error"] is { } error)
        {
            var ex = Assert.Throws<FeedParseException>(() => new FeedParser().Parse(data, contentType, baseUrl));
            Assert.Contains(error.GetValue<string>(), ex.Message, StringComparison.Ordinal);
            return;
        }

        var writer = new StringWriter();
        FeedInspector.Write(new FeedParser().Parse(data, contentType, baseUrl), writer);
        var actual = JsonNode.Parse(writer.ToString())!;
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{name}: expected\n{expected}\nactual\n{actual}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Any_prefix_of_a_fixture_fails_only_with_FeedParseException(string name)
    {
        var (data, contentType, baseUrl) = ReadInput(Path.Combine(Root, name));
        for (var length = 0; length < data.Length; length += 13)
        {
            try
            {
                new FeedParser().Parse(data[..length], contentType, baseUrl);
            }
            catch (FeedParseException)
            {
                // Refusing a broken document is fine; any other exception type is a bug.
            }
        }
    }

    internal static (byte[] Data, string? ContentType, Uri? BaseUrl) ReadInput(string dir)
    {
        var input = Directory.GetFiles(dir, "input.*").Single();
        var contentTypePath = Path.Combine(dir, "content-type.txt");
        var baseUrlPath = Path.Combine(dir, "base-url.txt");
        return (
            File.ReadAllBytes(input),
            File.Exists(contentTypePath) ? File.ReadAllText(contentTypePath).Trim() : null,
            File.Exists(baseUrlPath) ? new Uri(File.ReadAllText(baseUrlPath).Trim()) : null);
    }
}
