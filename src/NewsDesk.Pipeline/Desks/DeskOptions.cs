namespace NewsDesk.Desks;

/// <summary>
/// One desk's profile (an item of "NewsDesk:Digest:Desks"): what it follows, when its digest is made and where it
/// goes. Every filter is optional; all that are set must hold. Unset times, zones and the untagged choice come from
/// "NewsDesk:Digest". <see cref="DeskValidation"/> checks it at start.
/// </summary>
public sealed class DeskOptions
{
    /// <summary>Short id used in URLs and commands (`digest --desk ID`, `/api/digests/{date}?desk=ID`): a-z, 0-9 and -.</summary>
    public string Id { get; set; } = "";

    public string? Name { get; set; }

    /// <summary>Theme ids the desk follows; tags outside them are not shown, and an article with only such tags is left out.</summary>
    public List<string> Themes { get; set; } = [];

    /// <summary>Parties or countries (canonical names, any case); an article must name at least one.</summary>
    public List<string> Parties { get; set; } = [];

    /// <summary>Feed ids or source kinds (government, press); an article must come from one.</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>A tag counts only from this score (0 to 1).</summary>
    public double? MinScore { get; set; }

    /// <summary>List untagged articles' headlines under "Also in the feeds"; unset, the digest's own setting.</summary>
    public bool? ListUntagged { get; set; }

    /// <summary>HH:mm local time the desk's digest is made; unset, the digest's own time.</summary>
    public string? Time { get; set; }

    /// <summary>IANA zone of the desk's day and time; unset, the digest's own zone.</summary>
    public string? TimeZone { get; set; }

    /// <summary>E-mail recipients of the desk's digest, sent through the SMTP server of "NewsDesk:Delivery:Smtp".</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>A Slack-compatible webhook the desk's digest is posted to.</summary>
    public Uri? Webhook { get; set; }

    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}
