namespace NewsDesk.Tests.Stories;

/// <summary>Finds ../shared/data beside the repository (the folder holding NewsDesk.sln), or null when absent.</summary>
internal static class SharedDataLocator
{
    public static string? Find(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsDesk.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", relative));
                return Directory.Exists(path) ? path : null;
            }
        }

        return null;
    }
}
