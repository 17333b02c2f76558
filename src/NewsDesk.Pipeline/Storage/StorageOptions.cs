using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Storage;

/// <summary>Where the LiteDB file lives (configuration section "NewsDesk:Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "NewsDesk:Storage";

    [Required(ErrorMessage = "NewsDesk:Storage:Path is required.")]
    public string Path { get; set; } = "data/newsdesk.db";

    /// <summary>
    /// LiteDB 5.0 keeps every page it has read or written in memory until the file is closed, so a worker's memory grew
    /// with its store (491 MB after 10,000 articles). When the managed heap passes this many megabytes after a commit,
    /// the store closes and reopens the file, which drops that cache. 0 turns it off.
    /// </summary>
    [Range(0, 65536, ErrorMessage = "NewsDesk:Storage:CacheLimitMB must be between 0 (off) and 65536.")]
    public int CacheLimitMB { get; set; } = 96;
}
