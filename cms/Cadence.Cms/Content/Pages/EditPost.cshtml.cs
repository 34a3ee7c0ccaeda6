using System.ComponentModel.DataAnnotations;
using Cadence.Cms.Data;
using Cadence.Cms.Manager;
using Cadence.Cms.Webhooks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Content.Pages;

/// <summary>
/// The post editor: one form whose buttons save, publish, schedule, unpublish, submit for review or trash. Pages are
/// posts of another kind (<see cref="PageRules"/>), so the same editor writes them, without the post-only fields.
/// </summary>
public sealed partial class EditPostModel(
    CadenceDb db, PostEditor editor, ManagerClock clock, IOptions<ManagerOptions> options, PostAddress addresses, SiteUpdates siteUpdates, EditorPresence presence)
    : PageModel
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
    [BindProperty, Display(Name = "Reviewed by")] public int? ReviewedById { get; set; }
    [BindProperty, Display(Name = "Last reviewed")] public DateOnly? LastReviewed { get; set; }
    [BindProperty, Display(Name = "Feature on home page")] public bool Featured { get; set; }

    // What the page is based on (hidden inputs, so autosave sends them too); see EditBase.
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? EditSession { get; set; }
    [BindProperty] public int? Replacing { get; set; }

    public Post Post { get; private set; } = null!;
    public bool IsNew => Post.Id == 0;
    public bool IsPage => Post.IsPage;
    /// <summary>"post" or "page", for the words on the page.</summary>
    public string Noun => IsPage ? "page" : "post";
    /// <summary>The list this editor returns to.</summary>
    public string ListHref => IsPage ? ManagerRoutes.Pages : ManagerRoutes.Posts;
    public string NewHref => IsPage ? ManagerRoutes.NewPage : ManagerRoutes.NewPost;
    public bool CanPublish => Editor.MayPublish;
    public bool CanChooseByline => Editor.MayChooseByline;
    public bool CanReview => Editor.MayReview;
    /// <summary>The stored review in words, for those who may not change it.</summary>
    public string ReviewText => Authors.FirstOrDefault(a => a.Id == Post.ReviewedById).Name is { } reviewer && Post.LastReviewed is { } day
        ? $"Reviewed by {reviewer}, {day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}"
        : "Not reviewed";
    /// <summary>Today's date where the clinic is: the latest a review may be dated.</summary>
    public string Today { get; private set; } = "";
    /// <summary>The post's byline as stored (an Author sees it, not a choice).</summary>
    public string? Byline => Authors.FirstOrDefault(a => a.Id == Post.AuthorId).Name;
    public string PreviewHref => options.Value.PreviewUrl is { } site && !IsPage
        ? $"{site.TrimEnd('/')}/preview/{Uri.EscapeDataString(Post.Slug)}?{Cadence.Contract.PreviewLink.Query(options.Value.PreviewSecret!, Post.Slug, new DateTimeOffset(clock.UtcNow))}"
        : $"{ManagerRoutes.Post(Post.Id)}/preview";
    public string TimeZoneName { get; private set; } = "UTC";
    /// <summary>The site's public address (no trailing slash); the post's address is this plus <see cref="PostAddress.PathOf"/>.</summary>
    public string SiteUrl { get; private set; } = "";
    public string PublicUrl => PostAddress.UrlOf(SiteUrl, Post.Kind, Post.Slug);
    public string StatusText { get; private set; } = "";
    public IReadOnlyList<(int Id, string Name)> Categories { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Authors { get; private set; } = [];
    public IReadOnlyList<(string Url, string Name, string? Alt)> Images { get; private set; } = [];
    public IReadOnlyList<(string Key, string Title)> Forms { get; private set; } = [];

    private EditingUser Editor => EditingUser.Of(User);

    /// <summary>What a new one is: the editor opened from "New page" writes a page.</summary>
    private PostKind NewKind => HttpContext.Request.Path.StartsWithSegments(ManagerRoutes.NewPage) ? PostKind.Page : PostKind.Post;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        var opened = await editor.OpenAsync(id, NewKind, Editor, cancellationToken);
        if (Refusal(opened) is { } refusal) return refusal;
        Post = opened.Post!;
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
        ReviewedById = Post.ReviewedById;
        LastReviewed = Post.LastReviewed;
        Featured = Post.Featured;
        Version = Post.Version;
        EditSession = Guid.NewGuid().ToString("N");
        if (Post.Status == PostStatus.Scheduled && Post.PublishedAt is { } at) PublishAt = await clock.ToLocalAsync(at);
        return await ShowAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken) =>
        SaveAsync(id, PostAction.Save, "Saved.", cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int? id, CancellationToken cancellationToken) =>
        SaveAsync(id, PostAction.SubmitForReview, "Saved and sent for review. An editor will publish it.", cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken cancellationToken) =>
        SaveAsync(id, PostAction.Publish, "Published. The line below says when your site shows it.", cancellationToken);

    public async Task<IActionResult> OnPostScheduleAsync(int? id, CancellationToken cancellationToken)
    {
        var utc = PublishAt is { } local ? await clock.ToUtcAsync(local) : (DateTime?)null;
        var display = utc is { } at ? await clock.FormatAsync(at) : "";
        TimeZoneName = (await clock.ZoneAsync()).Id;
        return await SaveAsync(id, PostAction.Schedule, $"Scheduled for {display} ({TimeZoneName}).", cancellationToken, utc);
    }

    public Task<IActionResult> OnPostUnpublishAsync(int? id, CancellationToken cancellationToken) =>
        SaveAsync(id, PostAction.Unpublish, "Unpublished: the post is a draft again and leaves the site at its next build.", cancellationToken);

    public async Task<IActionResult> OnPostTrashAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null) return Redirect(NewKind == PostKind.Page ? ManagerRoutes.Pages : ManagerRoutes.Posts);
        var trashed = await editor.TrashAsync(id.Value, Editor, cancellationToken);
        if (Refusal(trashed) is { } refusal) return refusal;
        TempData.Notice($"“{trashed.Post!.Title}” is in the trash. You can restore it from there.");
        return Redirect(trashed.Post.IsPage ? ManagerRoutes.Pages : ManagerRoutes.Posts);
    }

    private async Task<IActionResult> SaveAsync(int? id, PostAction action, string notice, CancellationToken cancellationToken, DateTime? publishAtUtc = null)
    {
        // A value the form could not even read (a malformed date or number) is shown, not saved.
        var result = ModelState.IsValid
            ? await editor.SaveAsync(id, NewKind, new PostSave(Input(), action, publishAtUtc, Base()), Editor, cancellationToken)
            : await editor.OpenAsync(id, NewKind, Editor, cancellationToken);
        if (Refusal(result) is { } refusal) return refusal;
        Post = result.Post!;
        if (result.Outcome == PostEditOutcome.Conflict) return await ShowConflictAsync(Post, cancellationToken);
        if (result.Outcome == PostEditOutcome.Done && ModelState.IsValid)
        {
            TempData.Notice(notice);
            return Redirect(ManagerRoutes.Post(Post.Id));
        }
        foreach (var (field, problem) in result.Problems ?? new Dictionary<string, string>())
            ModelState.AddModelError(field, problem);
        return await ShowAsync(cancellationToken);
    }

    private EditBase? Base() => Version is { } version ? new EditBase(version, EditSession, Replacing) : null;

    private PostInput Input() =>
        new(Title ?? "", Slug, Body ?? "", Excerpt, Tags, CategoryId, AuthorId, Image, ImageAlt, SeoTitle, SeoDescription, ReviewedById, LastReviewed, Featured);

    private IActionResult? Refusal(PostEditResult result) => result.Outcome switch
    {
        PostEditOutcome.NotFound => NotFound(),
        PostEditOutcome.Forbidden => Forbid(),
        _ => null,
    };

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        TimeZoneName = (await clock.ZoneAsync()).Id;
        Today = (await clock.ToLocalAsync(clock.UtcNow)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        StatusText = await StatusAsync(Post);
        await LoadChoicesAsync(cancellationToken);
        await LoadLiveStateAsync(cancellationToken);
        return Page();
    }

    private async Task<string> StatusAsync(Post post) => post.Status switch
    {
        PostStatus.Published => $"Published {await clock.FormatAsync(post.PublishedAt)}",
        PostStatus.Scheduled => $"Scheduled for {await clock.FormatAsync(post.PublishedAt)}",
        // The autosave status follows this text ("… Draft saved at 10:32"), so it must read well before that.
        _ when post.ReviewRequestedAt is not null => "Waiting for review",
        _ when post.Id == 0 => post.IsPage ? "New page" : "New post",
        _ => "Not published yet",
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
        SiteUrl = await addresses.SiteAsync(cancellationToken);
    }
}
