namespace Cadence.Markdown.Folder;

/// <summary>
/// One bad file must not cost the clinic the rest of its site: a file (or a list entry) that cannot be read is left out whole and
/// its problem kept as one line, "path: problem", for the importer and the build to report.
/// </summary>
internal static class ContentProblems
{
    /// <summary>The value, or the problem that stopped it being read (an unreadable file is a problem too, not a crash).</summary>
    /// <param name="path">The file, named in a problem whose message does not name it already.</param>
    public static (T? Value, string? Problem) Try<T>(string path, Func<T> read)
    {
        try
        {
            return (read(), null);
        }
        catch (ContentFormatException e)
        {
            return (default, OneLine(e.Message));
        }
        // A reader's own surprise (a value YamlDotNet cannot convert, an unreadable file) is still about this one file.
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            return (default, OneLine($"{path}: cannot be read: {e.Message}"));
        }
    }

    /// <summary>The value, or default with its problem added to <paramref name="problems"/>.</summary>
    public static T? Try<T>(string path, Func<T> read, List<string> problems)
    {
        var (value, problem) = Try(path, read);
        if (problem is not null) problems.Add(problem);
        return value;
    }

    public static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
