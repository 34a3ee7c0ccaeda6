namespace Cadence.Cms.Content.Pages;

/// <summary>
/// A save refused because someone else saved first: the page keeps what this person typed in the form and shows the
/// other version beside it, so they can take theirs, keep their own (replacing the other explicitly) or copy from both.
/// </summary>
public sealed partial class EditPostModel
{
    public const string ConflictMessage =
        "Not saved: someone else saved this post after you opened it. Compare the two versions below, then keep yours, take theirs, or copy what you need from theirs into yours and keep that.";

    /// <summary>The newer stored version, when this save was refused; null otherwise.</summary>
    public Post? Theirs { get; private set; }
    public string TheirsSavedBy { get; private set; } = "";
    public string TheirsSavedAt { get; private set; } = "";

    /// <summary>Their text against the text in the form: removed lines are theirs only, added lines yours only.</summary>
    public IReadOnlyList<DiffLine> BodyDiff { get; private set; } = [];

    private async Task<Microsoft.AspNetCore.Mvc.IActionResult> ShowConflictAsync(Post theirs, CancellationToken cancellationToken)
    {
        Theirs = theirs;
        BodyDiff = LineDiff.Compare(theirs.Body, Body ?? "");
        TheirsSavedBy = await editor.LastSavedByAsync(theirs.Id, cancellationToken) ?? "someone";
        TheirsSavedAt = await clock.FormatAsync(theirs.UpdatedAt);
        ModelState.AddModelError("", ConflictMessage);
        return await ShowAsync(cancellationToken);
    }
}
