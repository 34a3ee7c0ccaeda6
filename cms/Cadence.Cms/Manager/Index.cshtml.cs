using System.Security.Claims;
using Cadence.Cms.Accounts;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Cms.Forms;
using Cadence.Cms.Mail;
using Cadence.Cms.Webhooks;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Manager;

/// <summary>
/// The dashboard, in the owner's words: what they can act on (an Author's own posts; everything for Editors), what
/// waits for review, whether the site is up to date (from the webhook delivery log) and how many leads came in.
/// </summary>
public sealed class DashboardModel(CadenceDb db, ManagerClock clock, OutboxQueries outbox, Microsoft.Extensions.Options.IOptions<WebhookOptions> webhooks) : PageModel
{
    public sealed record PostLink(int Id, string Title, DateTime? PublishedAt);

    public int Drafts { get; private set; }
    public int Scheduled { get; private set; }
    public int Published { get; private set; }
    public int AwaitingReview { get; private set; }
    public bool CanReview { get; private set; }
    public PostLink? LastPublished { get; private set; }
    public PostLink? NextScheduled { get; private set; }
    public sealed record SubmissionLink(long Id, string Form, string? Email, DateTime ReceivedAt, bool IsRead);

    /// <summary>The newest webhook delivery: whether the last change actually reached the site.</summary>
    public WebhookDelivery? LastDelivery { get; private set; }

    /// <summary>When a change last reached the site (the newest delivered webhook).</summary>
    public DateTime? SiteUpdatedAt { get; private set; }

    /// <summary>Whether any webhook endpoint is set up (configured or stored), so "no delivery" can be told apart from "nowhere to deliver".</summary>
    public bool HasWebhookEndpoints { get; private set; }

    /// <summary>Unsent mail after errors; shown to Editors and Admins, who can open the outbox.</summary>
    public OutboxHealth? Mail { get; private set; }

    /// <summary>Inbox submissions received in the last seven days.</summary>
    public int LeadsThisWeek { get; private set; }

    /// <summary>Newest inbox submissions; personal data, so only for Editors and Admins (who can open the inbox).</summary>
    public IReadOnlyList<SubmissionLink> Submissions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanReview = Roles.IsEditor(User);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        // Counts cover what this person can act on: an Author only their own posts.
        var live = db.Posts.AsNoTracking().Where(p => p.Kind == PostKind.Post && p.DeletedAt == null && (CanReview || p.OwnerId == userId));
        var counts = await live.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Drafts = counts.FirstOrDefault(c => c.Key == PostStatus.Draft)?.Count ?? 0;
        Scheduled = counts.FirstOrDefault(c => c.Key == PostStatus.Scheduled)?.Count ?? 0;
        Published = counts.FirstOrDefault(c => c.Key == PostStatus.Published)?.Count ?? 0;
        AwaitingReview = await live.CountAsync(p => p.ReviewRequestedAt != null && p.Status == PostStatus.Draft, cancellationToken);

        LastPublished = await db.Posts.AsNoTracking().WhereLive().Where(p => p.Kind == PostKind.Post).OrderByDescending(p => p.PublishedAt)
            .Select(p => new PostLink(p.Id, p.Title, p.PublishedAt)).FirstOrDefaultAsync(cancellationToken);
        var now = clock.UtcNow;
        NextScheduled = await live.Where(p => p.Status == PostStatus.Scheduled && p.PublishedAt > now).OrderBy(p => p.PublishedAt)
            .Select(p => new PostLink(p.Id, p.Title, p.PublishedAt)).FirstOrDefaultAsync(cancellationToken);

        LastDelivery = await db.WebhookDeliveries.AsNoTracking().OrderByDescending(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        SiteUpdatedAt = await db.WebhookDeliveries.AsNoTracking().Where(d => d.Status == DeliveryStatus.Delivered)
            .MaxAsync(d => d.LastAttemptAt, cancellationToken);
        HasWebhookEndpoints = LastDelivery is not null || await db.WebhookEndpoints.AnyAsync(e => e.Enabled, cancellationToken)
            || webhooks.Value.Endpoints.Count > 0;

        if (CanReview)
        {
            Mail = await outbox.HealthAsync(cancellationToken);
            var weekAgo = now.AddDays(-7);
            LeadsThisWeek = await db.Submissions.CountAsync(s => s.Folder == SubmissionFolder.Inbox && s.ReceivedAt >= weekAgo, cancellationToken);
            var newest = await db.Submissions.AsNoTracking().Where(s => s.Folder == SubmissionFolder.Inbox)
                .OrderByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id).Take(5)
                .Select(s => new { s.Id, s.FormKey, s.Email, s.ReceivedAt, s.IsRead }).ToListAsync(cancellationToken);
            var titles = await db.Forms.AsNoTracking().ToDictionaryAsync(f => f.Key, f => f.Title, cancellationToken);
            Submissions = newest.Select(s => new SubmissionLink(s.Id, titles.GetValueOrDefault(s.FormKey, s.FormKey), s.Email, s.ReceivedAt, s.IsRead)).ToList();
        }
    }
}
