namespace Cadence.Testing;

public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds Cadence.slnx.</summary>
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    /// <summary>
    /// This test process's folder under the system temp folder. It goes when the process ends, so repeated runs do
    /// not fill the disk with databases and built sites; set CADENCE_KEEP_TEST_FILES=1 to keep it for a look.
    /// </summary>
    private static readonly Lazy<string> RunFolder = new(() =>
    {
        var root = Path.Combine(Path.GetTempPath(), "cadence-tests");
        RemoveFoldersOfEndedRuns(root);
        var folder = Path.Combine(root, $"run-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (Environment.GetEnvironmentVariable("CADENCE_KEEP_TEST_FILES") != "1")
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(folder);
        return folder;
    });

    /// <summary>A fresh folder for this test process, named for what it holds.</summary>
    public static string NewTempFolder(string purpose)
    {
        var path = Path.Combine(RunFolder.Value, $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A test host that was stopped rather than ended leaves its folder behind: the next run removes it.</summary>
    private static void RemoveFoldersOfEndedRuns(string root)
    {
        if (!Directory.Exists(root)) return;
        foreach (var folder in Directory.EnumerateDirectories(root, "run-*"))
        {
            var parts = Path.GetFileName(folder).Split('-');
            if (parts.Length == 3 && int.TryParse(parts[1], out var pid) && !IsRunning(pid)) DeleteQuietly(folder);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cadence.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Cadence.slnx was not found above " + AppContext.BaseDirectory);
    }
}
