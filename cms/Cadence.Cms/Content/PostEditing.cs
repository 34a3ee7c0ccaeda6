using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content;

/// <summary>What the editor form sends; every field is text as typed, checked by <see cref="PostEditing.ApplyAsync"/>.</summary>
/// <param name="ReviewedById">With <paramref name="LastReviewed"/>: the author profile who checked the advice (<see cref="PostReview"/>).</param>
public sealed record PostInput(
    string Title, string? Slug, string Body, string? Excerpt, string? Tags, int? CategoryId, int? AuthorId,
    string? Image, string? ImageAlt, string? SeoTitle, string? SeoDescription,
    int? ReviewedById = null, DateOnly? LastReviewed = null, bool Featured = false);

/// <summary>Turns editor input into a post: field checks, slug rules, tags made on the fly, image checks.</summary>
public sealed class PostEditing(CadenceDb db, PostWorkflow workflow, TimeProvider clock)
{
    public const int TitleMax = 200, ExcerptMax = 500, SeoTitleMax = 70, SeoDescriptionMax = 200;

    /// <summary>Problems keyed by the <see cref="PostInput"/> property they are about; empty when the input can be saved.</summary>
    public async Task<Dictionary<string, string>> CheckAsync(PostInput input, PostKind kind = PostKind.Post, CancellationToken cancellationToken = default)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Title)) problems[nameof(PostInput.Title)] = "Give the post a title.";
        else if (input.Title.Length > TitleMax) problems[nameof(PostInput.Title)] = $"Keep the title under {TitleMax} characters.";
        if (!string.IsNullOrWhiteSpace(input.Slug) && !Cadence.Markdown.Slug.IsValid(input.Slug.Trim()))
            problems[nameof(PostInput.Slug)] = "Use lower-case letters, digits and single hyphens, like knee-pain-when-running.";
        else if (kind == PostKind.Page && input.Slug?.Trim() is { Length: > 0 } pageSlug && PageRules.IsReserved(pageSlug))
            problems[nameof(PostInput.Slug)] = PageRules.ReservedMessage(pageSlug);
        if (input.Excerpt?.Length > ExcerptMax) problems[nameof(PostInput.Excerpt)] = $"Keep the excerpt under {ExcerptMax} characters.";
        if (input.SeoTitle?.Length > SeoTitleMax) problems[nameof(PostInput.SeoTitle)] = $"Search engines cut titles after about 60 characters; keep it under {SeoTitleMax}.";
        if (input.SeoDescription?.Length > SeoDescriptionMax) problems[nameof(PostInput.SeoDescription)] = $"Keep the description under {SeoDescriptionMax} characters.";
        if (!string.IsNullOrWhiteSpace(input.Image))
        {
            if (string.IsNullOrWhiteSpace(input.ImageAlt))
                problems[nameof(PostInput.ImageAlt)] = "Describe the image for people who cannot see it (for example: Runner stretching a calf on a kerb).";
            var file = input.Image.StartsWith("/media/", StringComparison.Ordinal) ? input.Image["/media/".Length..] : input.Image;
            if (!await db.Media.AnyAsync(m => m.FileName == file && m.IsPublic, cancellationToken))
                problems[nameof(PostInput.Image)] = "Choose an image from the media library.";
        }
        if (input.CategoryId is { } category && !await db.Categories.AnyAsync(c => c.Id == category, cancellationToken))
            problems[nameof(PostInput.CategoryId)] = "Choose a category from the list.";
        if (input.AuthorId is { } author && !await db.Authors.AnyAsync(a => a.Id == author, cancellationToken))
            problems[nameof(PostInput.AuthorId)] = "Choose an author from the list.";
        if (input.ReviewedById is { } reviewer && !await db.Authors.AnyAsync(a => a.Id == reviewer, cancellationToken))
            problems[nameof(PostInput.ReviewedById)] = "Choose the reviewer from the list.";
        PostReview.Check(input, await ClinicTodayAsync(cancellationToken), problems);
        return problems;
    }

    /// <summary>Copies checked input into the post (loaded with its tags). Throws <see cref="ContentRuleException"/> for a taken slug.</summary>
    public async Task ApplyAsync(Post post, PostInput input, DateTime now, CancellationToken cancellationToken = default)
    {
        post.Title = input.Title.Trim();
        post.Body = input.Body.Replace("\r\n", "\n");
        post.Excerpt = Blank(input.Excerpt);
        // A page has no category or byline (PageRules); whatever the form sent is not kept.
        post.CategoryId = post.IsPage ? null : input.CategoryId;
        post.AuthorId = post.IsPage ? null : input.AuthorId;
        post.ReviewedById = input.ReviewedById;
        post.LastReviewed = input.LastReviewed;
        post.Featured = !post.IsPage && input.Featured;
        post.Image = Blank(input.Image) is { } image && !image.StartsWith("/media/", StringComparison.Ordinal) ? "/media/" + image : Blank(input.Image);
        post.ImageAlt = post.Image is null ? null : Blank(input.ImageAlt);
        post.SeoTitle = Blank(input.SeoTitle);
        post.SeoDescription = Blank(input.SeoDescription);
        post.UpdatedAt = now;

        var wanted = Blank(input.Slug);
        if (post.Id == 0) post.Slug = await workflow.FreeSlugAsync(wanted ?? post.Title, null, post.Kind, cancellationToken);
        else if (wanted is not null && wanted != post.Slug) await workflow.RenameAsync(post, wanted, cancellationToken);

        post.Tags.Clear();
        if (!post.IsPage) post.Tags.AddRange(await TagsAsync(input.Tags, cancellationToken));
    }

    /// <summary>Comma-separated names; a name no tag has yet becomes a new tag.</summary>
    private async Task<List<Tag>> TagsAsync(string? text, CancellationToken cancellationToken)
    {
        var names = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(n => Cadence.Markdown.Slug.From(n).Length > 0)
            .DistinctBy(n => Cadence.Markdown.Slug.From(n)).ToList();
        var slugs = names.Select(n => Cadence.Markdown.Slug.From(n)).ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(cancellationToken);
        var tags = new List<Tag>();
        foreach (var name in names)
        {
            var slug = Cadence.Markdown.Slug.From(name);
            var tag = existing.FirstOrDefault(t => t.Slug == slug) ?? db.Tags.Local.FirstOrDefault(t => t.Slug == slug);
            if (tag is null)
            {
                tag = new Tag { Slug = slug, Name = name.Length > 60 ? name[..60] : name };
                db.Tags.Add(tag);
            }
            tags.Add(tag);
        }
        return tags;
    }

    /// <summary>Today where the clinic is: a review dated today there is not in the future, whatever the server's zone.</summary>
    private async Task<DateOnly> ClinicTodayAsync(CancellationToken cancellationToken)
    {
        var id = await db.Settings.AsNoTracking().Select(s => s.TimeZone).FirstOrDefaultAsync(cancellationToken) ?? "UTC";
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
