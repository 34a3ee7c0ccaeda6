using System.Collections.Concurrent;
using Cadence.Site.Keys;

namespace Cadence.Site.Render;

/// <summary>What rendering a post's body gave its list card and its structured data.</summary>
public sealed record PostFacts(string Excerpt, int ReadingMinutes, int WordCount);

/// <summary>
/// Decides, for each page before it is rendered, whether it must be rendered again: only when the previous build
/// did not render it from the same input key, or its file is no longer in the output. The one place where a build's
/// cache decides what is rendered; it also collects every page's key for the next build.
/// </summary>
/// <param name="previousKeys">The previous build's page keys by output path; null to render everything.</param>
/// <param name="previousFacts">What rendering each post gave in the previous build, by slug.</param>
/// <param name="inOutput">Whether the previous build's output still holds a file.</param>
public sealed class RenderPlan(
    IReadOnlyDictionary<string, Hash128>? previousKeys, IReadOnlyDictionary<string, PostFacts>? previousFacts, Func<string, bool> inOutput)
{
    /// <summary>A plan with nothing to reuse: every page is rendered.</summary>
    public static RenderPlan Everything() => new(null, null, _ => false);

    /// <summary>Every page's input key by output path, for the next build's cache.</summary>
    /// <remarks>Sized for the previous build's pages: grown from empty to 16,000 pages, its table was rebuilt over and over.</remarks>
    public ConcurrentDictionary<string, Hash128> Keys { get; } = new(Environment.ProcessorCount, previousKeys?.Count ?? 0, StringComparer.Ordinal);

    /// <summary>True when the page at <paramref name="file"/>, with this key, must be rendered again.</summary>
    public bool MustRender(string file, Hash128 key)
    {
        Keys[file] = key;
        return !Unchanged(file, key);
    }

    /// <summary>Like <see cref="MustRender"/> for a post's page, which may be kept only with what rendering it gave.</summary>
    public bool MustRender(string file, Hash128 key, string slug, out PostFacts? facts)
    {
        Keys[file] = key;
        facts = null;
        return !(Unchanged(file, key) && previousFacts is not null && previousFacts.TryGetValue(slug, out facts));
    }

    /// <summary>True when several files made from one input (the feeds) must all be written again.</summary>
    public bool MustRender(IReadOnlyList<string> files, Hash128 key)
    {
        foreach (var file in files) Keys[file] = key;
        return !files.All(file => Unchanged(file, key));
    }

    private bool Unchanged(string file, Hash128 key) =>
        previousKeys is not null && previousKeys.TryGetValue(file, out var old) && old == key && inOutput(file);
}
