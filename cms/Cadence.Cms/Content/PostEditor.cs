using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content;

/// <summary>
/// Saving a post, as one use case: the role rules (<see cref="EditingUser"/>), the field checks and slug rules
/// (<see cref="PostEditing"/>), the workflow (<see cref="PostWorkflow"/>), review state and revisions, in one unit of
/// work. Page models bind a form, call this and show the result; they decide nothing themselves.
/// </summary>
public sealed class PostEditor(CadenceDb db, PostEditing editing, PostWorkflow workflow, PostRevisions revisions, AuthorProfiles authors, ReviewRequestMail reviewMail, TimeProvider clock)
{
    private const string UntitledDraft = "Untitled draft";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The post to show in the editor (with its tags), or a new unsaved draft written as the user's author profile.</summary>
    public Task<PostEditResult> OpenAsync(int? id, EditingUser user, CancellationToken cancellationToken = default) =>
        LoadAsync(id, user, PostKind.Post, cancellationToken);

    /// <summary>As <see cref="OpenAsync(int?, EditingUser, CancellationToken)"/>; a new one is of <paramref name="kind"/>.</summary>
    public Task<PostEditResult> OpenAsync(int? id, PostKind kind, EditingUser user, CancellationToken cancellationToken = default) =>
        LoadAsync(id, user, kind, cancellationToken);

    public Task<PostEditResult> SaveAsync(int? id, PostSave save, EditingUser user, CancellationToken cancellationToken = default) =>
        SaveAsync(id, PostKind.Post, save, user, cancellationToken);

    /// <param name="kind">What a new one (no <paramref name="id"/>) is; a stored one keeps its kind.</param>
    public async Task<PostEditResult> SaveAsync(int? id, PostKind kind, PostSave save, EditingUser user, CancellationToken cancellationToken = default)
    {
        if (save.ChangesTheSite && !user.MayPublish) return PostEditResult.Forbidden;
        var loaded = await LoadAsync(id, user, kind, cancellationToken);
        if (loaded.Post is not { } post) return loaded;
        if (save.Base is { } based && !based.Allows(post)) return PostEditResult.Conflict(post);
        save = save with { Input = await WithAllowedBylineAsync(save.Input, post, user, cancellationToken) };
        if (!user.MayReview) save = save with { Input = PostReview.KeepStored(save.Input, post) };

        var problems = await editing.CheckAsync(save.Input, post.Kind, cancellationToken);
        if (save.Action == PostAction.Schedule && save.PublishAtUtc is null) problems[PostEditResult.PublishAtField] = "Choose the date and time to publish.";
        if (problems.Count > 0) return PostEditResult.Invalid(post, problems);

        try
        {
            if (post.Id == 0) db.Posts.Add(post);
            await editing.ApplyAsync(post, save.Input, Now, cancellationToken);
            switch (save.Action)
            {
                case PostAction.SubmitForReview:
                    post.ReviewRequestedAt = Now;
                    await reviewMail.StageAsync(post, user, cancellationToken);
                    break;
                case PostAction.Publish:
                    workflow.Publish(post);
                    post.ReviewRequestedAt = null;
                    break;
                case PostAction.Schedule:
                    workflow.Schedule(post, save.PublishAtUtc!.Value);
                    post.ReviewRequestedAt = null;
                    break;
                case PostAction.Unpublish:
                    workflow.Unpublish(post);
                    break;
            }
            await revisions.KeepAsync(post, user.Name, autosave: false, cancellationToken);
            var result = await CommitAsync(post, save.Base, cancellationToken);
            if (save.Action == PostAction.SubmitForReview && result.Outcome == PostEditOutcome.Done) reviewMail.Wake();
            return result;
        }
        catch (ContentRuleException e)
        {
            var field = e.Field switch { "slug" => nameof(PostInput.Slug), "publishAt" => PostEditResult.PublishAtField, _ => "" };
            return PostEditResult.Invalid(post, new Dictionary<string, string> { [field] = e.Message });
        }
    }

    /// <summary>
    /// A draft saves as it is (fields that do not pass the checks keep their stored values); a live or scheduled
    /// post must not change on the site while someone types, so its text goes into a revision only.
    /// </summary>
    public Task<PostEditResult> AutosaveAsync(int? id, PostInput input, EditingUser user, EditBase? based = null, CancellationToken cancellationToken = default) =>
        AutosaveAsync(id, PostKind.Post, input, user, based, cancellationToken);

    public async Task<PostEditResult> AutosaveAsync(int? id, PostKind kind, PostInput input, EditingUser user, EditBase? based = null, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(id, user, kind, cancellationToken);
        if (loaded.Post is not { } post) return loaded;
        if (based is not null && !based.Allows(post)) return PostEditResult.Conflict(post);
        input = await WithAllowedBylineAsync(input, post, user, cancellationToken);
        if (!user.MayReview) input = PostReview.KeepStored(input, post);
        var stored = post.Title.Length > 0 ? post.Title : UntitledDraft;
        if (string.IsNullOrWhiteSpace(input.Title)) input = input with { Title = stored };
        input = KeepStoredWhereInvalid(input, post, stored, await editing.CheckAsync(input, post.Kind, cancellationToken));

        if (post.Status != PostStatus.Draft)
        {
            await revisions.KeepAsync(post, input.Title.Trim(), input.Slug ?? post.Slug, input.Body.Replace("\r\n", "\n"), input.Excerpt, user.Name, autosave: true, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return PostEditResult.Done(post, keptAsRevisionOnly: true);
        }

        if (post.Id == 0) db.Posts.Add(post);
        try
        {
            await editing.ApplyAsync(post, input, Now, cancellationToken);
        }
        catch (ContentRuleException) // a slug someone else holds: keep the old one, save the rest
        {
            await editing.ApplyAsync(post, input with { Slug = post.Id == 0 ? null : post.Slug }, Now, cancellationToken);
        }
        await revisions.KeepAsync(post, user.Name, autosave: true, cancellationToken);
        return await CommitAsync(post, based, cancellationToken);
    }

    /// <summary>
    /// Writes the save, marking the version as this editor page's. The version check above and this write are not one
    /// step: when another save lands in between, the database refuses this one (the version is a concurrency token).
    /// </summary>
    private async Task<PostEditResult> CommitAsync(Post post, EditBase? based, CancellationToken cancellationToken)
    {
        post.VersionEditSession = based?.Session;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return PostEditResult.Done(post);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var stored = await db.Posts.AsNoTracking().Include(p => p.Tags).SingleAsync(p => p.Id == post.Id, cancellationToken);
            return PostEditResult.Conflict(stored);
        }
    }

    /// <summary>Moves the post to the trash; it leaves the site and can be restored.</summary>
    public async Task<PostEditResult> TrashAsync(int id, EditingUser user, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(id, user, PostKind.Post, cancellationToken);
        if (loaded.Post is not { } post) return loaded;
        workflow.Trash(post);
        await db.SaveChangesAsync(cancellationToken);
        return PostEditResult.Done(post);
    }

    /// <summary>
    /// Takes a post out of the trash; Authors can restore only their own, and theirs come back as drafts: a post an
    /// Editor took off the site goes back on it only when someone who may publish says so.
    /// </summary>
    public async Task<PostEditResult> RestoreAsync(int id, EditingUser user, CancellationToken cancellationToken = default)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == id && p.DeletedAt != null, cancellationToken);
        if (post is null || !user.MaySee(post)) return PostEditResult.NotFound;
        workflow.Restore(post);
        if (!user.MayPublish && post.Status != PostStatus.Draft) workflow.Unpublish(post);
        await db.SaveChangesAsync(cancellationToken);
        return PostEditResult.Done(post);
    }

    /// <summary>Puts an old revision's words back; that becomes a new revision and the old ones stay.</summary>
    public async Task<PostEditResult> RestoreRevisionAsync(int id, int revisionId, EditingUser user, CancellationToken cancellationToken = default)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == id && p.DeletedAt == null, cancellationToken);
        if (post is null) return PostEditResult.NotFound;
        if (!user.MayEdit(post)) return PostEditResult.Forbidden;
        var revision = await revisions.FindAsync(id, revisionId, cancellationToken);
        if (revision is null) return PostEditResult.NotFound;
        await revisions.RestoreAsync(post, revision, user.Name, cancellationToken);
        return PostEditResult.Done(post);
    }

    /// <summary>Who saved the post last (its newest revision), for the words beside a refused save.</summary>
    public Task<string?> LastSavedByAsync(int id, CancellationToken cancellationToken = default) =>
        db.PostRevisions.Where(r => r.PostId == id).OrderByDescending(r => r.Id).Select(r => r.SavedBy).FirstOrDefaultAsync(cancellationToken);

    private async Task<PostEditResult> LoadAsync(int? id, EditingUser user, PostKind kind, CancellationToken cancellationToken)
    {
        Post? post;
        if (id is null)
        {
            post = new Post
            {
                Kind = kind, Title = "", Slug = "", Status = PostStatus.Draft, OwnerId = user.Id, CreatedAt = Now, UpdatedAt = Now,
                AuthorId = kind == PostKind.Page ? null : (await authors.ForUserAsync(user.Id, cancellationToken))?.Id,
            };
        }
        else
        {
            post = await db.Posts.Include(p => p.Tags).SingleOrDefaultAsync(p => p.Id == id && p.DeletedAt == null, cancellationToken);
            if (post is null) return PostEditResult.NotFound;
        }
        return user.MayEdit(post) ? PostEditResult.Done(post) : PostEditResult.Forbidden;
    }

    /// <summary>
    /// An Author's choice of byline is not theirs to make (the form may send any id): their post carries their linked
    /// profile, or keeps the byline it has when they have none.
    /// </summary>
    private async Task<PostInput> WithAllowedBylineAsync(PostInput input, Post post, EditingUser user, CancellationToken cancellationToken)
    {
        if (user.MayChooseByline) return input;
        var own = await authors.ForUserAsync(user.Id, cancellationToken);
        return input with { AuthorId = own?.Id ?? post.AuthorId };
    }

    private static PostInput KeepStoredWhereInvalid(PostInput input, Post post, string storedTitle, Dictionary<string, string> problems)
    {
        bool Bad(string field) => problems.ContainsKey(field);
        var badImage = Bad(nameof(PostInput.Image)) || Bad(nameof(PostInput.ImageAlt));
        var kept = input with
        {
            Title = Bad(nameof(PostInput.Title)) ? storedTitle : input.Title,
            Slug = Bad(nameof(PostInput.Slug)) ? post.Slug : input.Slug,
            Excerpt = Bad(nameof(PostInput.Excerpt)) ? post.Excerpt : input.Excerpt,
            Image = badImage ? post.Image : input.Image,
            ImageAlt = badImage ? post.ImageAlt : input.ImageAlt,
            SeoTitle = Bad(nameof(PostInput.SeoTitle)) ? post.SeoTitle : input.SeoTitle,
            SeoDescription = Bad(nameof(PostInput.SeoDescription)) ? post.SeoDescription : input.SeoDescription,
            CategoryId = Bad(nameof(PostInput.CategoryId)) ? post.CategoryId : input.CategoryId,
            AuthorId = Bad(nameof(PostInput.AuthorId)) ? post.AuthorId : input.AuthorId,
        };
        // The reviewer and the date are one claim: a half that does not pass keeps both as stored.
        var badReview = Bad(nameof(PostInput.ReviewedById)) || Bad(nameof(PostInput.LastReviewed));
        return badReview ? kept with { ReviewedById = post.ReviewedById, LastReviewed = post.LastReviewed } : kept;
    }
}
