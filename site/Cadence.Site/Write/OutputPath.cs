namespace Cadence.Site.Write;

/// <summary>
/// The one guard between content and the file system: a path the site writes is relative, uses '/', and has no empty, "." or
/// ".." segment, so no slug, media name or address from a content folder or the API can write outside the output folder.
/// </summary>
public static class OutputPath
{
    /// <remarks>Asked for every file of every build, so the segments are looked at in place rather than split into strings.</remarks>
    public static bool IsInside(string relativePath)
    {
        var path = relativePath.AsSpan();
        if (path.IsEmpty || Path.IsPathRooted(path) || path.IndexOfAny('\\', '\0', ':') >= 0) return false;
        foreach (var range in path.Split('/'))
            if (path[range] is "" or "." or "..") return false;
        return true;
    }

    /// <exception cref="IOException">The path would leave the output folder (the build stops; nothing is written).</exception>
    public static string Checked(string relativePath) => IsInside(relativePath)
        ? relativePath
        : throw new IOException($"The content asks for the output file '{relativePath}', which is outside the output folder; nothing was written.");
}
