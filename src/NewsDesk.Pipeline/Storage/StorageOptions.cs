using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Storage;

/// <summary>Where the LiteDB file lives (configuration section "NewsDesk:Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "NewsDesk:Storage";

    [Required(ErrorMessage = "NewsDesk:Storage:Path is required.")]
    public string Path { get; set; } = "data/newsdesk.db";
}
