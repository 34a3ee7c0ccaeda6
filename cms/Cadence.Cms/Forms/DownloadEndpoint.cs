using Cadence.Cms.Data;
using Cadence.Cms.Media.Store;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Forms;

/// <summary><c>GET /downloads/{token}</c>: a private asset (the ebook) for whoever holds an unexpired signed link.</summary>
public static class DownloadEndpoint
{
    public static async Task<IResult> HandleAsync(string token, HttpContext http, SignedTokens tokens, CadenceDb db, IMediaStore store, FormsCatalog catalog,
        WriteGate gate, TimeProvider clock, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetAsync(cancellationToken);
        var home = snapshot.SiteBase?.AbsoluteUri;
        http.Response.Headers.CacheControl = "private, no-store";
        switch (tokens.Read(TokenPurposes.Download, token, out var payload))
        {
            case TokenCheck.Expired:
                return ReaderPage.Render(410, "This download link has expired",
                    "Download links work for a limited time. Fill in the form on our website again and we will send you a fresh link.", backUrl: home, backLabel: "Go to the website", brand: ReaderBrand.Of(snapshot));
            case TokenCheck.Invalid:
                return ReaderPage.Render(404, "Download not found",
                    "This download link is not valid. Please check that the whole link was copied from the email.", backUrl: home, backLabel: "Go to the website", brand: ReaderBrand.Of(snapshot));
        }
        var (fileName, key) = DownloadLinks.Read(payload);
        var media = await db.Media.AsNoTracking().Where(m => m.FileName == fileName)
            .Select(m => new { m.StoreKey, m.ContentType, m.FileName }).SingleOrDefaultAsync(cancellationToken);
        if (media is null)
            return ReaderPage.Render(404, "Download not found", "This file is no longer available.", backUrl: home, backLabel: "Go to the website", brand: ReaderBrand.Of(snapshot));
        if (key is not null) await DownloadLinks.RecordAsync(db, gate, key, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var content = media.StoreKey is null ? null : await store.OpenReadAsync(media.StoreKey, cancellationToken);
        if (content is null)
            return ReaderPage.Render(404, "Download not found", "This file is no longer available.", backUrl: home, backLabel: "Go to the website", brand: ReaderBrand.Of(snapshot));
        return TypedResults.File(content, media.ContentType, media.FileName);
    }
}
