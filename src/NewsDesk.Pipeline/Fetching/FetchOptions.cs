using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Fetching;

/// <summary>Settings for every outgoing request (configuration section "NewsDesk:Fetch").</summary>
public sealed class FetchOptions
{
    public const string Section = "NewsDesk:Fetch";

    /// <summary>Sent with every request; names NewsDesk, its version and where to reach its operator.</summary>
    [Required]
    public string UserAgent { get; set; } = NewsDeskVersion.UserAgent;

    /// <summary>Whole-request time limit, including reading the body.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "NewsDesk:Fetch:Timeout must be between 00:00:01 and 00:10:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest body accepted, after decompression (so a gzip bomb is cut off too). Default 15 MiB.</summary>
    [Range(1024L, 1L << 30, ErrorMessage = "NewsDesk:Fetch:MaxResponseBytes must be between 1024 and 1073741824.")]
    public long MaxResponseBytes { get; set; } = 15L * 1024 * 1024;

    [Range(0, 10, ErrorMessage = "NewsDesk:Fetch:MaxRedirects must be between 0 and 10.")]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// Off by default: requests to loopback, private, link-local, unique-local and multicast addresses are refused,
    /// because feed and article URLs are untrusted. Tests and the demo turn it on to reach their loopback server.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>
    /// The forward proxy every request goes through (an http:// URL), or none. The environment's HTTP_PROXY, HTTPS_PROXY
    /// and ALL_PROXY are ignored. The proxy is trusted even on a private address; each target is still resolved and
    /// checked by the address guard before the request is handed to the proxy.
    /// </summary>
    public Uri? Proxy { get; set; }

    /// <summary>True when there is no proxy, or it is an http:// URL naming only a host and port.</summary>
    public bool ProxyIsUsable => Proxy is null || (Proxy.IsAbsoluteUri && Proxy.Scheme == Uri.UriSchemeHttp && Proxy.AbsolutePath == "/");

    /// <summary>How many requests may be in flight to one host at once (feed polls and article pages together).</summary>
    [Range(1, 64, ErrorMessage = "NewsDesk:Fetch:MaxConnectionsPerHost must be between 1 and 64.")]
    public int MaxConnectionsPerHost { get; set; } = 2;

    /// <summary>How many requests may be in flight at once in total, whatever the host.</summary>
    [Range(1, 256, ErrorMessage = "NewsDesk:Fetch:MaxConcurrentRequests must be between 1 and 256.")]
    public int MaxConcurrentRequests { get; set; } = 16;
}
