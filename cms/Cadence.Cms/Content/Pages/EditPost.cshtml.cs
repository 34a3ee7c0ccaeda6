using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Cadence.Cms.Data;
using Cadence.Cms.Manager;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Content.Pages;

/// <summary>The post editor: one form whose buttons save, publish, schedule, unpublish, submit for review or trash.</summary>
public sealed partial class EditPostModel(
    CadenceDb db, PostEditing editing, PostWorkflow workflow, PostRevisions revisions, AuthorProfiles authors,
    ManagerClock clock, IOptions<ManagerOptions> options) : PageModel
{
    [BindProperty, Display(Name = "Title")] public string Title { get; set; } = "";
    [BindProperty, Display(Name = "Slug")] public string? Slug { get; set; }
    [BindProperty, Display(Name = "Text")] public string Body { get; set; } = "";
    [BindProperty, Display(Name = "Excerpt")] public string? Excerpt { get; set; }
    [BindProperty, Display(Name = "Tags")] public string? Tags { get; set; }
    [BindProperty, Display(Name = "Category")] public int? CategoryId { get; set; }
    [BindProperty, Display(Name = "Author")] public int? AuthorId { get; set; }
    [BindProperty, Display(Name = "Featured image")] public string? Image { get; set; }
    [BindProperty, Display(Name = "Image description (alt text)")] public string? ImageAlt { get; set; }
    [BindProperty, Display(Name = "Search title")] public string? SeoTitle { get; set; }
    [BindProperty, Display(Name = "Search description")] public string? SeoDescription { get; set; }
    [BindProperty, Display(Name = "Publish on")] public DateTime? PublishAt { get; set; }

    public Post Post { get; private set; } = null!;
    public bool IsNew => Post.Id == 0;
    public bool CanPublish => PostEditing.CanPublish(User);
    public string PreviewHref => options.Value.PreviewUrl is { } site
        ? $"{site.TrimEnd('/')}/preview/{Uri.EscapeDataString(Post.Slug)}"
        : $"/manager/posts/{Post.Id}/preview";
    public string TimeZoneName { get; private set; } = "UTC";
    public string SiteUrl { get; private set; } = "";
    public string StatusText { get; private set; } = "";
    public IReadOnlyList<(int Id, string Name)> Categories { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Authors { get; private set; } = [];
    public IReadOnlyList<(string Url, string Name, string? Alt)> Images { get; private set; } = [];
    public IReadOnlyList<(string Key, string Title)> Forms { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private string UserName => User.FindFirstValue(CadenceClaimsName) ?? User.Identity!.Name!;
    private const string CadenceClaimsName = Accounts.CadenceClaims.DisplayName;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal) return refusal;
        Title = Post.Title;
        Slug = Post.Slug;
        Body = Post.Body;
        Excerpt = Post.Excerpt;
        Tags = string.Join(", ", Post.Tags.Select(t => t.Name));
        CategoryId = Post.CategoryId;
        AuthorId = Post.AuthorId;
        Image = Post.Image;
        ImageAlt = Post.ImageAlt;
        SeoTitle = Post.SeoTitle;
        SeoDescription = Post.SeoDescription;
        if (Post.Status == PostStatus.Scheduled && Post.PublishedAt is { } at) PublishAt = await clock.ToLocalAsync(at);
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken) =>
        SaveAsync(id, post => "Saved.", cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int? id, CancellationToken cancellationToken) =>
        SaveAsync(id, post =>
        {
            post.ReviewRequestedAt = clock.UtcNow;
            return "Saved and sent for review. An editor will publish it.";
        }, cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken cancellationToken)
    {
        if (!CanPublish) return Forbid();
        return await SaveAsync(id, post =>
        {
            workflow.Publish(post);
            post.ReviewRequestedAt = null;
            return "Published. The site shows it after its next build.";
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostScheduleAsync(int? id, CancellationToken cancellationToken)
    {
        if (!CanPublish) return Forbid();
        if (PublishAt is null) ModelState.AddModelError(nameof(PublishAt), "Choose the date and time to publish.");
        var utc = PublishAt is { } local ? await clock.ToUtcAsync(local) : default;
        var display = PublishAt is null ? "" : await clock.FormatAsync(utc);
        return await SaveAsync(id, post =>
        {
            workflow.Schedule(post, utc);
            post.ReviewRequestedAt = null;
            return $"Scheduled for {display} ({TimeZoneName}).";
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostUnpublishAsync(int? id, CancellationToken cancellationToken)
    {
        if (!CanPublish) return Forbid();
        return await SaveAsync(id, post =>
        {
            workflow.Unpublish(post);
            return "Unpublished: the post is a draft again and leaves the site at its next build.";
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostTrashAsync(int? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal) return refusal;
        if (IsNew) return Redirect("/manager/posts");
        workflow.Trash(Post);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Notice($"“{Post.Title}” is in the trash. You can restore it from there.");
        return Redirect("/manager/posts");
    }

    private async Task<IActionResult> SaveAsync(int? id, Func<Post, string> then, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal) return refusal;
        foreach (var (field, problem) in await editing.CheckAsync(Input(), cancellationToken))
            ModelState.AddModelError(field, problem);
        if (ModelState.IsValid)
        {
            try
            {
                await editing.ApplyAsync(Post, Input(), clock.UtcNow, cancellationToken);
                var notice = then(Post);
                await revisions.KeepAsync(Post, UserName, autosave: false, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                TempData.Notice(notice);
                return Redirect($"/manager/posts/{Post.Id}");
            }
            catch (ContentRuleException e)
            {
                ModelState.AddModelError(e.Field switch { "slug" => nameof(Slug), "publishAt" => nameof(PublishAt), _ => "" }, e.Message);
            }
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private PostInput Input() => new(Title ?? "", Slug, Body ?? "", Excerpt, Tags, CategoryId, AuthorId, Image, ImageAlt, SeoTitle, SeoDescription);

    /// <returns>A refusal (404, 403) or null when <see cref="Post"/> is loaded and the user may change it.</returns>
    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            var now = clock.UtcNow;
            Post = new Post
            {
                Title = "", Slug = "", Status = PostStatus.Draft, OwnerId = UserId, CreatedAt = now, UpdatedAt = now,
                AuthorId = (await authors.ForUserAsync(UserId, cancellationToken))?.Id,
            };
            db.Posts.Add(Post);
        }
        else
        {
            var post = await db.Posts.Include(p => p.Tags).SingleOrDefaultAsync(p => p.Id == id && p.DeletedAt == null, cancellationToken);
            if (post is null) return NotFound();
            Post = post;
        }
        if (!PostEditing.CanEdit(User, Post)) return Forbid();
        var zone = await clock.ZoneAsync();
        TimeZoneName = zone.Id;
        StatusText = await StatusAsync(Post);
        return null;
    }

    private async Task<string> StatusAsync(Post post) => post.Status switch
    {
        PostStatus.Published => $"Published {await clock.FormatAsync(post.PublishedAt)}",
        PostStatus.Scheduled => $"Scheduled for {await clock.FormatAsync(post.PublishedAt)}",
        _ when post.ReviewRequestedAt is not null => "Draft, waiting for review",
        _ when post.Id == 0 => "New draft, not saved yet",
        _ => "Draft",
    };

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Categories = (await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
            .Select(c => (c.Id, c.Name)).ToList();
        Authors = (await db.Authors.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .Select(a => (a.Id, a.Name)).ToList();
        Images = (await db.Media.AsNoTracking().Where(m => m.IsPublic && m.ContentType.StartsWith("image/")).OrderByDescending(m => m.CreatedAt)
            .Select(m => new { m.FileName, m.Alt }).ToListAsync(cancellationToken))
            .Select(m => ("/media/" + m.FileName, m.FileName, m.Alt)).ToList();
        Forms = (await db.Forms.AsNoTracking().OrderBy(f => f.Title).Select(f => new { f.Key, f.Title }).ToListAsync(cancellationToken))
            .Select(f => (f.Key, f.Title)).ToList();
        SiteUrl = await db.Settings.AsNoTracking().Select(s => s.BaseUrl).FirstOrDefaultAsync(cancellationToken) ?? "";
    }
}
