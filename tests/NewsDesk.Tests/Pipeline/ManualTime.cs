namespace NewsDesk.Tests.Pipeline;

/// <summary>A TimeProvider whose clock only moves when a test says so; timers and delays still use real time.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
