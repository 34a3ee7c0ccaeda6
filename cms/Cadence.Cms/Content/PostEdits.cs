namespace Cadence.Cms.Content;

/// <summary>What pressing one of the editor's buttons asks for, besides saving the fields.</summary>
public enum PostAction { Save, SubmitForReview, Publish, Schedule, Unpublish }

/// <param name="PublishAtUtc">For <see cref="PostAction.Schedule"/>: when the post goes live.</param>
public sealed record PostSave(PostInput Input, PostAction Action = PostAction.Save, DateTime? PublishAtUtc = null)
{
    /// <summary>Publishing, scheduling and unpublishing change what readers see, so only those who may publish may ask for them.</summary>
    public bool ChangesTheSite => Action is PostAction.Publish or PostAction.Schedule or PostAction.Unpublish;
}

public enum PostEditOutcome { Done, Invalid, NotFound, Forbidden }

/// <summary>What <see cref="PostEditor"/> did.</summary>
/// <param name="Post">The post as it now stands (unsaved when <see cref="Outcome"/> is Invalid); null when not found or forbidden.</param>
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
}
