using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Forms;

/// <summary>
/// Double opt-in and one-click unsubscribe. A GET only shows a button; only the POST changes anything, so mail
/// scanners that open every link confirm and unsubscribe nobody. The unsubscribe POST is also the RFC 8058 one-click target.
/// </summary>
public static class NewsletterEndpoints
{
    public static IEndpointRouteBuilder MapNewsletter(this IEndpointRouteBuilder app)
    {
        app.MapGet("/newsletter/confirm/{token}", ShowConfirm).ExcludeFromDescription();
        app.MapPost("/newsletter/confirm/{token}", Confirm).ExcludeFromDescription().DisableAntiforgery();
        app.MapGet("/newsletter/unsubscribe/{token}", ShowUnsubscribe).ExcludeFromDescription();
        app.MapPost("/newsletter/unsubscribe/{token}", Unsubscribe).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ShowConfirm(string token, SignedTokens tokens, FormsCatalog catalog, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetAsync(cancellationToken);
        return tokens.Read(TokenPurposes.Confirm, token, out _) switch
        {
            TokenCheck.Valid => ReaderPage.Render(200, $"Confirm your subscription to {snapshot.ClinicName}", "Press the button to start receiving the newsletter.", postButton: "Yes, subscribe me", brand: ReaderBrand.Of(snapshot)),
            var check => BadLink(check, snapshot),
        };
    }

    private static async Task<IResult> Confirm(string token, HttpContext http, SignedTokens tokens, CadenceDb db, FormsCatalog catalog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetAsync(cancellationToken);
        var check = tokens.Read(TokenPurposes.Confirm, token, out var email);
        if (check != TokenCheck.Valid) return BadLink(check, snapshot);
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Email == email, cancellationToken);
        if (subscriber is null)
            return ReaderPage.Render(404, "Nothing to confirm", "We hold no sign-up for this address any more. Please subscribe again on our website.", backUrl: snapshot.SiteBase?.AbsoluteUri, backLabel: "Go to the website", brand: ReaderBrand.Of(snapshot));
        if (subscriber.Status != SubscriberStatus.Confirmed)
        {
            subscriber.Status = SubscriberStatus.Confirmed;
            subscriber.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
            subscriber.ConfirmedIp = http.Connection.RemoteIpAddress?.ToString();
            subscriber.UnsubscribedAt = null;
            await db.SaveChangesAsync(cancellationToken);
        }
        return ReaderPage.Render(200, "You're subscribed", "Thank you. Look out for our next email at the start of the month.", backUrl: snapshot.SiteBase?.AbsoluteUri, backLabel: "Back to the website", brand: ReaderBrand.Of(snapshot));
    }

    private static async Task<IResult> ShowUnsubscribe(string token, SignedTokens tokens, FormsCatalog catalog, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetAsync(cancellationToken);
        return tokens.Read(TokenPurposes.Unsubscribe, token, out _) switch
        {
            TokenCheck.Valid => ReaderPage.Render(200, "Unsubscribe", $"Press the button and {snapshot.ClinicName} will send you no more newsletters.", postButton: "Unsubscribe me", brand: ReaderBrand.Of(snapshot)),
            var check => BadLink(check, snapshot),
        };
    }

    private static async Task<IResult> Unsubscribe(string token, SignedTokens tokens, CadenceDb db, FormsCatalog catalog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetAsync(cancellationToken);
        var check = tokens.Read(TokenPurposes.Unsubscribe, token, out var email);
        if (check != TokenCheck.Valid) return BadLink(check, snapshot);
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Email == email, cancellationToken);
        if (subscriber is not null && subscriber.Status != SubscriberStatus.Unsubscribed)
        {
            subscriber.Status = SubscriberStatus.Unsubscribed;
            subscriber.UnsubscribedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
        return ReaderPage.Render(200, "You're unsubscribed", "We will send you no more newsletters. Sorry to see you go.", backUrl: snapshot.SiteBase?.AbsoluteUri, backLabel: "Back to the website", brand: ReaderBrand.Of(snapshot));
    }

    private static IResult BadLink(TokenCheck check, FormsSnapshot snapshot) => check == TokenCheck.Expired
        ? ReaderPage.Render(410, "This link has expired", "Please sign up again on our website.", backUrl: snapshot.SiteBase?.AbsoluteUri, backLabel: "Go to the website")
        : ReaderPage.Render(404, "Link not valid", "This link is not valid. Please check that the whole link was copied from the email.", backUrl: snapshot.SiteBase?.AbsoluteUri, backLabel: "Go to the website", brand: ReaderBrand.Of(snapshot));
}
