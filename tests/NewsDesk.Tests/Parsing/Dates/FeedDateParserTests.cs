using NewsDesk.Parsing.Dates;

namespace NewsDesk.Tests.Parsing.Dates;

public sealed class FeedDateParserTests
{
    [Theory]
    [InlineData("Tue, 10 Nov 2026 14:30:00 GMT", "2026-11-10T14:30:00Z")]
    [InlineData("Tue, 10 Nov 2026 09:30:00 EST", "2026-11-10T14:30:00Z")]
    [InlineData("Tue, 10 Nov 2026 06:30:00 PDT", "2026-11-10T13:30:00Z")]
    [InlineData("Tue, 10 Nov 2026 16:30:00 CEST", "2026-11-10T14:30:00Z")]
    [InlineData("Tue, 10 Nov 2026 15:30:00 +0100", "2026-11-10T14:30:00Z")]
    [InlineData("10 Nov 26 14:30 GMT", "2026-11-10T14:30:00Z")]
    [InlineData("Tue,10 Nov 2026 14:30:00 -0000", "2026-11-10T14:30:00Z")]
    [InlineData("2026-11-10T14:30:00Z", "2026-11-10T14:30:00Z")]
    [InlineData("2026-11-10T15:30:00.250+01:00", "2026-11-10T14:30:00Z")]
    [InlineData("2026-11-10 14:30:00", "2026-11-10T14:30:00Z")]
    [InlineData("2026-11-10", "2026-11-10T00:00:00Z")]
    [InlineData("2026-11", "2026-11-01T00:00:00Z")]
    [InlineData("Tue Nov 10 14:30:00 +0000 2026", "2026-11-10T14:30:00Z")]
    [InlineData("Tuesday, November 10, 2026 - 2:30pm", "2026-11-10T14:30:00Z")]
    [InlineData("mar., 10 nov. 2026 15:30:00 +0100", "2026-11-10T14:30:00Z")]
    [InlineData("1794321000", "2026-11-10T14:30:00Z")]
    public void Parses_to_utc(string input, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDateParser.Parse(input));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a date")]
    [InlineData("Tue, 10 Xyz 2026 14:30:00 GMT")]
    [InlineData("Tue, 40 Nov 2026 14:30:00 GMT")]
    [InlineData("2026-11-10T14:30:61Z")]
    [InlineData("2026-11-10T14:30:00+00:zz")]
    [InlineData("2026-xx-10")]
    [InlineData("2026-11-10T14:30:00Zjunk")]
    public void Rejects_without_throwing(string input) => Assert.Null(FeedDateParser.Parse(input));
}
