using System.Collections.Concurrent;

namespace Cadence.Cms.Content;

/// <summary>
/// Who has which post open, from the editor's heartbeat (page load, autosave, status poll). Kept in memory: it is a
/// hint that fades within <see cref="Fade"/>, not a lock, so losing it on restart costs nothing; several CMS instances
/// would each see only their own editors.
/// </summary>
public sealed class EditorPresence(TimeProvider clock)
{
    /// <summary>The status poll beats every 5 s; three missed beats and the editor counts as gone.</summary>
    public static readonly TimeSpan Fade = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<(int PostId, string UserId), (string Name, DateTimeOffset At)> _seen = new();

    /// <summary>Notes that <paramref name="user"/> has the post open and returns the names of the others who do.</summary>
    public IReadOnlyList<string> Touch(int postId, EditingUser user)
    {
        var now = clock.GetUtcNow();
        if (postId != 0) _seen[(postId, user.Id)] = (user.Name, now);
        var others = new List<string>();
        foreach (var ((post, userId), (name, at)) in _seen)
        {
            if (now - at > Fade) _seen.TryRemove((post, userId), out _);
            else if (post == postId && userId != user.Id) others.Add(name);
        }
        return others.Order(StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Words for the editor: "Sam is also editing this post", or nothing.</summary>
    public static string Describe(IReadOnlyList<string> others) => others.Count switch
    {
        0 => "",
        1 => $"{others[0]} is also editing this post.",
        _ => $"{string.Join(", ", others.SkipLast(1))} and {others[^1]} are also editing this post.",
    };
}
