namespace Cadence.Testing;

public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds Cadence.slnx.</summary>
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    /// <summary>A fresh folder under the system temp folder, named for what it holds.</summary>
    public static string NewTempFolder(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "cadence-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cadence.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Cadence.slnx was not found above " + AppContext.BaseDirectory);
    }
}
