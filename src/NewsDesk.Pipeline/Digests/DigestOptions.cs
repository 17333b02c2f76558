using System.ComponentModel.DataAnnotations;
using NewsDesk.Desks;

namespace NewsDesk.Digests;

/// <summary>When and where the daily digest is made (configuration section "NewsDesk:Digest").</summary>
public sealed class DigestOptions : IValidatableObject
{
    public const string Section = "NewsDesk:Digest";

    /// <summary>Local time of day the digest job runs, HH:mm.</summary>
    [RegularExpression(@"^([01]\d|2[0-3]):[0-5]\d$", ErrorMessage = "NewsDesk:Digest:Time must be HH:mm (00:00 to 23:59).")]
    public string Time { get; set; } = "07:00";

    /// <summary>IANA time zone the digest day and run time are in.</summary>
    [Required(ErrorMessage = "NewsDesk:Digest:TimeZone is required (an IANA zone such as Europe/London).")]
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>Folder the digest files (Markdown, HTML, JSON) are written to.</summary>
    [Required(ErrorMessage = "NewsDesk:Digest:OutputFolder is required.")]
    public string OutputFolder { get; set; } = "out";

    /// <summary>Add each tag's score and the sentence it matched in to "why these tags" (the phrases are always shown).</summary>
    public bool ShowEvidence { get; set; }

    /// <summary>List the headlines of articles with no theme under "Also in the feeds"; false leaves them out.</summary>
    public bool ListUntagged { get; set; } = true;

    /// <summary>Desks with their own digest (and alerts), besides the default digest of everything these settings describe.</summary>
    public List<DeskOptions> Desks { get; set; } = [];

    /// <summary>The desk with this id, or null when there is none (an unknown id is the caller's error to report).</summary>
    public DeskOptions? FindDesk(string id) => Desks.FirstOrDefault(d => d.Id == id);

    /// <summary>The desk's time zone: its own, else the digest's.</summary>
    public TimeZoneInfo Zone(DeskOptions? desk) => TimeZoneInfo.FindSystemTimeZoneById(desk?.TimeZone ?? TimeZone);

    // Data annotations do not descend into the desks list, so each desk is checked here, by name.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        DeskValidation.Problems(Desks).Select(p => new ValidationResult(p, [nameof(Desks)]));

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The local day an instant falls on, in the digest time zone.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone()).DateTime);

    /// <summary>Today, in the digest time zone.</summary>
    public DateOnly Today(TimeProvider time) => DayOf(time.GetUtcNow());
}
