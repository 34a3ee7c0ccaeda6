using Cadence.Cms.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace Cadence.Cms.Content.Pages;

/// <summary>
/// What the editor says beside the post while it is open: whether the site has taken the post's latest change, who
/// else is editing it, and whether someone saved a newer version. Shown on load, and refreshed by post-status.js
/// from <see cref="OnGetStatusAsync"/>, which is also the presence heartbeat.
/// </summary>
public sealed partial class EditPostModel
{
    public sealed record StatusAnswer(string SiteState, string SiteText, string? ViewUrl, string Others, bool Stale, string StaleText);

    public const string StaleMessage =
        "Someone else saved this post after you opened it, so your changes are not saved. Press Save to compare the two versions.";

    public SiteUpdateState? SiteState { get; private set; }
    public string SiteText { get; private set; } = "";
    public string OthersText { get; private set; } = "";

    /// <summary>The public address to offer as "View on site": only for a live post on a site whose address is known.</summary>
    public string? ViewUrl => Post.IsLive && SiteUrl.Length > 0 ? PublicUrl : null;

    /// <param name="version">The version the page was based on.</param>
    /// <param name="session">The page's edit session; its own saves do not make the page stale.</param>
    public async Task<IActionResult> OnGetStatusAsync(int id, int? version, string? session, CancellationToken cancellationToken)
    {
        var opened = await editor.OpenAsync(id, Editor, cancellationToken);
        if (Refusal(opened) is { } refusal) return refusal;
        Post = opened.Post!;
        SiteUrl = await addresses.SiteAsync(cancellationToken);
        await LoadLiveStateAsync(cancellationToken);
        var stale = version is { } v && !new EditBase(v, session).Allows(Post);
        return new JsonResult(new StatusAnswer(
            SiteState?.ToString() ?? "", SiteText, ViewUrl, OthersText, stale, stale ? StaleMessage : ""));
    }

    private async Task LoadLiveStateAsync(CancellationToken cancellationToken)
    {
        OthersText = EditorPresence.Describe(presence.Touch(Post.Id, Editor));
        if (!Post.IsLive) return;
        var changedAt = Post.PublishedAt is { } published && published > Post.UpdatedAt ? published : Post.UpdatedAt;
        var update = await siteUpdates.ForPostAsync(Post.Slug, changedAt, cancellationToken);
        SiteState = update.State;
        SiteText = update.State switch
        {
            SiteUpdateState.Live => $"Live on your site since {await ShortTimeAsync(update.At!.Value)}.",
            SiteUpdateState.Updating => "Updating your site…",
            SiteUpdateState.NotConfirmed => "The site did not confirm the update: see the webhook log.",
            SiteUpdateState.NoWebhook => "Your site shows this after its next build.",
            _ => "",
        };
    }

    /// <summary>"10:42" today, the date and time before that, in the clinic's time zone.</summary>
    private async Task<string> ShortTimeAsync(DateTime utc)
    {
        var local = await clock.ToLocalAsync(utc);
        return local.Date == (await clock.ToLocalAsync(clock.UtcNow)).Date
            ? local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : await clock.FormatAsync(utc);
    }
}
