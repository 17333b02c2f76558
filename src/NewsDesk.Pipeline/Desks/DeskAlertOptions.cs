namespace NewsDesk.Desks;

/// <summary>
/// A desk's alert rule ("NewsDesk:Digest:Desks:N:Alert"): a new story that matches is sent at once to the alert's
/// targets, once per story. The filters mean what a desk's do (<see cref="DeskFilter"/>); a story must have a tag left.
/// </summary>
public sealed class DeskAlertOptions
{
    public List<string> Themes { get; set; } = [];

    public List<string> Parties { get; set; } = [];

    /// <summary>Source kinds (government, press) or feed ids.</summary>
    public List<string> Sources { get; set; } = [];

    public double? MinScore { get; set; }

    /// <summary>A Slack-compatible webhook: the alert is POSTed as {"text": ...}.</summary>
    public Uri? Webhook { get; set; }

    /// <summary>E-mail recipients, through the "NewsDesk:Delivery:Smtp" server.</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>
    /// Also alert on the articles of a feed's first poll. Off by default: a new feed's backlog is days or weeks of old
    /// news, not a story breaking now.
    /// </summary>
    public bool IncludeFirstPoll { get; set; }

    /// <summary>The rule as a desk profile, so <see cref="DeskFilter"/> decides it as it decides the desk's digest.</summary>
    public DeskOptions AsFilter() => new() { Themes = Themes, Parties = Parties, Sources = Sources, MinScore = MinScore };
}
