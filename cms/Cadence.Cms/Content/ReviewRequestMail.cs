using Cadence.Cms.Accounts;
using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Cadence.Cms.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Content;

/// <summary>
/// Tells every Editor and Admin that an Author sent a post for review. The mails are staged in the caller's unit of
/// work, so they are queued exactly when the review request itself is saved, and never for a request that failed.
/// </summary>
public sealed class ReviewRequestMail(UserManager<CadenceUser> users, CadenceDb db, IMailOutbox outbox, CmsAddress address)
{
    public async Task StageAsync(Post post, EditingUser author, CancellationToken cancellationToken = default)
    {
        var clinic = await db.Settings.AsNoTracking().Select(s => s.ClinicName).FirstOrDefaultAsync(cancellationToken) ?? "Cadence";
        var title = string.IsNullOrWhiteSpace(post.Title) ? "An untitled draft" : $"\u201c{post.Title.Trim()}\u201d";
        var link = address.Value + ManagerRoutes.Review;
        foreach (var editor in await EditorsAsync(author.Id))
        {
            outbox.Stage(outbox.Compose(new OutgoingMail(editor,
                $"{author.Name} sent a post for review: {post.Title.Trim()}",
                $"Hello,\n\n{author.Name} finished {title} and asks you to review it before it goes on the {clinic} site.\n\n" +
                $"Open the review queue to read it, then publish or schedule it:\n\n{link}\n")));
        }
    }

    /// <summary>Call after the unit of work is saved, so the sender picks the mails up at once.</summary>
    public void Wake() => outbox.Wake();

    private async Task<IReadOnlyList<string>> EditorsAsync(string exceptUserId)
    {
        var people = new Dictionary<string, string>();
        foreach (var role in Roles.Editors)
            foreach (var user in await users.GetUsersInRoleAsync(role))
                if (!user.IsDisabled && user.Id != exceptUserId && user.Email is { Length: > 0 } email) people[user.Id] = email;
        return people.Values.ToList();
    }
}
