using System.Text;

namespace Cadence.Site.Render;

/// <summary>Where rendered pages go (the output writer): a page is written when rendered, kept when the plan says it is current.</summary>
public interface IPageOutput
{
    void WriteText(string relativePath, StringBuilder text);

    /// <summary>Writes a file that is not a page (the search index's files).</summary>
    void Write(string relativePath, ReadOnlySpan<byte> content);

    /// <summary>Keeps the previous build's file as it is.</summary>
    /// <returns>False when the previous build did not write it.</returns>
    bool Keep(string relativePath);
}
