using NewsDesk.Stories;

namespace NewsDesk.Tests.Stories;

public sealed class PrimarySourceTests
{
    private sealed record Report(string Name, bool Government, DateTimeOffset? Date);

    private static readonly DateTimeOffset Day = new(2025, 1, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Government_beats_an_earlier_press_report()
    {
        Report[] reports = [new("press", false, Day), new("gov", true, Day.AddDays(1))];

        Assert.Equal("gov", PrimarySource.Choose(reports, r => r.Government, r => r.Date).Name);
    }

    [Fact]
    public void Earliest_wins_among_equals_and_undated_come_last()
    {
        Report[] reports = [new("undated", false, null), new("later", false, Day.AddHours(5)), new("first", false, Day)];

        Assert.Equal("first", PrimarySource.Choose(reports, r => r.Government, r => r.Date).Name);
    }

    [Fact]
    public void No_reports_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => PrimarySource.Choose(Array.Empty<Report>(), r => r.Government, r => r.Date));
    }
}
