using System.Reflection;

namespace NewsDesk;

/// <summary>
/// The product version, as the build stamped it from Directory.Build.props (or -p:Version= on a release build). Read
/// from the assembly rather than written here, so that `--version`, the User-Agent, /healthz, the metrics' build info
/// and the image label cannot disagree.
/// </summary>
public static class NewsDeskVersion
{
    public static string Current { get; } =
        typeof(NewsDeskVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The default User-Agent: names NewsDesk, its version and where to read about it.</summary>
    public static string UserAgent { get; } = $"NewsDesk/{Current} (+https://github.com/newsdesk/newsdesk; feed reader for editorial desks)";
}
