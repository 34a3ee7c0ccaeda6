namespace Cadence.Cms.Hosting;

/// <summary>
/// Where relative paths in configuration (<c>Cadence:DataPath</c>, <c>Cadence:ContentPath</c>) start from. Inside a
/// Cadence checkout it is the repository root (the nearest folder at or above the working directory that holds
/// Cadence.slnx), so <c>./build.sh --target=run</c>, <c>dotnet run --project cms/Cadence.Cms</c> and the maintenance
/// verbs all find the same <c>.data</c> folder wherever they are typed; anywhere else (a container, a server) it is
/// the working directory.
/// </summary>
public static class LocalPaths
{
    public static string Resolve(string path) => Path.GetFullPath(path, Base());

    public static string Base()
    {
        var workingDirectory = Directory.GetCurrentDirectory();
        for (var folder = new DirectoryInfo(workingDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Cadence.slnx"))) return folder.FullName;
        return workingDirectory;
    }
}
