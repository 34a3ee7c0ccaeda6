using System.Security.Claims;
using Cadence.Cms.Accounts;

namespace Cadence.Cms.Content;

/// <summary>
/// Who is changing content, and the role rules applied to them, written once: Editors and Admins publish and edit
/// every post; an Author edits their own posts while they are drafts and sees only their own.
/// </summary>
public sealed record EditingUser(string Id, string Name, bool MayPublish)
{
    public static EditingUser Of(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        user.FindFirstValue(CadenceClaims.DisplayName) ?? user.Identity?.Name ?? "",
        Roles.IsEditor(user));

    /// <summary>Editors and Admins put any byline on a post; an Author's posts carry their own profile's byline only.</summary>
    public bool MayChooseByline => MayPublish;

    /// <summary>Saying a clinician reviewed a post is a clinical claim, and featuring it the clinic's choice: Editors and Admins only.</summary>
    public bool MayReview => MayPublish;

    public bool MayEdit(Post post) => MayEdit(post.OwnerId, post.Status);

    public bool MayEdit(string? ownerId, PostStatus status) => MayPublish || (ownerId == Id && status == PostStatus.Draft);

    /// <summary>Seeing covers reading revisions, previewing and the trash; an Author's published posts stay theirs to look at.</summary>
    public bool MaySee(Post post) => MaySee(post.OwnerId);

    public bool MaySee(string? ownerId) => MayPublish || ownerId == Id;
}
