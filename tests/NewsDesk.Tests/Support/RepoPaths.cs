namespace NewsDesk.Tests.Support;

/// <summary>Finds the repository root (the folder holding NewsDesk.sln) and the shared data beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/data/NAME beside the repository, or null when it is not there (a fresh clone).</summary>
    public static string? SharedData(string name)
    {
        var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", name));
        return Directory.Exists(path) ? path : null;
    }

    /// <summary>../shared/data/NAME, or skips the calling test with a message naming what is missing.</summary>
    public static string RequireSharedData(string name) =>
        SharedData(name) ?? throw Xunit.Sdk.SkipException.ForSkip($"../shared/data/{name} not found beside the repository; this evaluation runs only where the shared data is present");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsDesk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NewsDesk.sln not found above " + AppContext.BaseDirectory);
    }
}
