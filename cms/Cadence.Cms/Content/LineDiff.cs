using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Cadence.Cms.Content;

public enum LineChange { Same, Removed, Added }

public sealed record DiffLine(LineChange Kind, string Text);

/// <summary>A line-by-line comparison of two texts (DiffPlex), as the revisions page shows it.</summary>
public static class LineDiff
{
    public static IReadOnlyList<DiffLine> Compare(string before, string after)
    {
        var model = InlineDiffBuilder.Diff(before.Replace("\r\n", "\n"), after.Replace("\r\n", "\n"), ignoreWhiteSpace: false);
        return model.Lines.Select(line => new DiffLine(line.Type switch
        {
            ChangeType.Deleted => LineChange.Removed,
            ChangeType.Inserted => LineChange.Added,
            _ => LineChange.Same,
        }, line.Text ?? "")).ToList();
    }
}
