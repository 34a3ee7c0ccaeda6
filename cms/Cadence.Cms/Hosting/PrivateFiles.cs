namespace Cadence.Cms.Hosting;

/// <summary>
/// Local state holds password hashes, sign-in keys and mails with live reset links, so only the CMS's own user may
/// read it: folders are created 0700 and files 0600 on Unix, whatever the umask. A folder or database file left
/// readable by an older version is tightened at start.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> (and missing parents) readable by the owner only.</summary>
    public static string EnsureFolder(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else if (!Directory.Exists(path)) Directory.CreateDirectory(path, OwnerOnlyFolder);
        else Tighten(path, OwnerOnlyFolder);
        return path;
    }

    /// <summary>Creates an empty file readable by the owner only unless it exists; an existing one is tightened.</summary>
    public static void EnsureFile(string path)
    {
        if (!File.Exists(path)) Create(path).Dispose();
        else if (!OperatingSystem.IsWindows()) Tighten(path, OwnerOnlyFile);
    }

    /// <summary>
    /// A new file for writing, created readable by the owner only. A file already at the path (one left by a crash
    /// mid-write) is removed rather than truncated: ext4 flushes a truncated file to disk when it is closed, a disk
    /// write per file where the caller wanted none. Unbuffered: every caller writes whole arrays or copies in large
    /// blocks, so a buffer would only be allocated and copied through.
    /// </summary>
    public static FileStream Create(string path)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 0 };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        return new FileStream(path, options);
    }

    private static void Tighten(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows()) return;
        try
        {
            if ((File.GetUnixFileMode(path) & ~mode) != 0) File.SetUnixFileMode(path, mode);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // Owned by someone else (a mounted volume): the operator set it up deliberately; leave it.
        }
    }
}
