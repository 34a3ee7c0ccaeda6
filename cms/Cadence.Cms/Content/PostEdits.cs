namespace Cadence.Cms.Content;

/// <summary>What pressing one of the editor's buttons asks for, besides saving the fields.</summary>
public enum PostAction { Save, SubmitForReview, Publish, Schedule, Unpublish }

/// <param name="PublishAtUtc">For <see cref="PostAction.Schedule"/>: when the post goes live.</param>
/// <param name="Base">The version the editor's page was based on; null saves without the check (imports, tools).</param>
public sealed record PostSave(PostInput Input, PostAction Action = PostAction.Save, DateTime? PublishAtUtc = null, EditBase? Base = null)
{
    /// <summary>Publishing, scheduling and unpublishing change what readers see, so only those who may publish may ask for them.</summary>
    public bool ChangesTheSite => Action is PostAction.Publish or PostAction.Schedule or PostAction.Unpublish;
}

/// <summary>What an open editor page knows: the version it opened, which page it is, and which version its user chose to replace.</summary>
/// <param name="Version">The post's <see cref="Post.Version"/> when the page was opened.</param>
/// <param name="Session">A random id per opened page; the versions this page itself wrote need no check.</param>
/// <param name="Replacing">Set only by "Keep mine" after a conflict: the newer version the user has seen and chosen to replace.</param>
public sealed record EditBase(int Version, string? Session = null, int? Replacing = null)
{
    /// <summary>A save builds on the stored post when the page has seen all of it: it opened it, wrote it, or chose to replace it.</summary>
    public bool Allows(Post post) =>
        post.Id == 0 || Version == post.Version || Replacing == post.Version
        || (!string.IsNullOrEmpty(Session) && Session == post.VersionEditSession);
}

public enum PostEditOutcome { Done, Invalid, NotFound, Forbidden, Conflict }

/// <summary>What <see cref="PostEditor"/> did.</summary>
/// <param name="Post">The post as it now stands (unsaved when <see cref="Outcome"/> is Invalid, someone else's newer version when Conflict); null when not found or forbidden.</param>
/// <param name="Problems">When Invalid: what to fix, keyed by the <see cref="PostInput"/> property (or <c>PublishAtUtc</c>'s <c>PublishAt</c>).</param>
/// <param name="KeptAsRevisionOnly">An autosave of a post that is live or scheduled: its text went into a revision, not onto the site.</param>
public sealed record PostEditResult(
    PostEditOutcome Outcome, Post? Post = null, IReadOnlyDictionary<string, string>? Problems = null, bool KeptAsRevisionOnly = false)
{
    public const string PublishAtField = "PublishAt";

    public static readonly PostEditResult NotFound = new(PostEditOutcome.NotFound);
    public static readonly PostEditResult Forbidden = new(PostEditOutcome.Forbidden);

    public static PostEditResult Done(Post post, bool keptAsRevisionOnly = false) => new(PostEditOutcome.Done, post, KeptAsRevisionOnly: keptAsRevisionOnly);

    public static PostEditResult Invalid(Post post, IReadOnlyDictionary<string, string> problems) => new(PostEditOutcome.Invalid, post, problems);

    /// <summary>Refused: <paramref name="stored"/> is the newer version someone else saved; nothing was written.</summary>
    public static PostEditResult Conflict(Post stored) => new(PostEditOutcome.Conflict, stored);
}
