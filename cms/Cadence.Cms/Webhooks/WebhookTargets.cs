using Cadence.Cms.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Webhooks;

/// <summary>An endpoint ready to use, whether it came from configuration or the manager.</summary>
public sealed record WebhookTarget(string Key, WebhookKind Kind, string Url, string? Secret, string? Token, IReadOnlyList<string> Events, bool FromConfiguration)
{
    public bool Wants(string eventName) => WebhookEventNames.Subscribes(Events.ToList(), eventName);
}

/// <summary>Reads, adds and removes endpoints; secrets are encrypted with Data Protection because they must be read back to sign.</summary>
public sealed class WebhookTargets(CadenceDb db, IOptions<WebhookOptions> options, IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Cadence.Webhooks.Secrets.v1");

    public async Task<IReadOnlyList<WebhookTarget>> AllAsync(CancellationToken cancellationToken = default)
    {
        var configured = options.Value.Endpoints.Select((e, i) =>
            new WebhookTarget($"config:{i}", e.Kind, e.Url, e.Secret, e.Token, e.Events, FromConfiguration: true));
        var stored = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return configured.Concat(stored.Select(e => new WebhookTarget($"db:{e.Id}", e.Kind, e.Url,
            _protector.Unprotect(e.ProtectedSecret), e.ProtectedToken is null ? null : _protector.Unprotect(e.ProtectedToken), e.Events, FromConfiguration: false))).ToList();
    }

    public async Task<WebhookTarget?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(t => t.Key == key);

    /// <summary>Adds an endpoint after checking it, resolving its host so a name pointing into a private network is refused too.</summary>
    public async Task<EndpointProblem?> AddAsync(NewEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        var allowPrivate = options.Value.AllowPrivateTargets;
        var problem = EndpointRules.Check(endpoint.Kind, endpoint.Url, endpoint.Secret, endpoint.Token, endpoint.Events, allowPrivate);
        if (problem is null && endpoint.Kind == WebhookKind.Generic)
            problem = await EndpointRules.CheckResolvedAsync(endpoint.Url, allowPrivate, cancellationToken);
        if (problem is not null) return problem;

        db.WebhookEndpoints.Add(new WebhookEndpoint
        {
            Url = endpoint.Url.Trim(), Kind = endpoint.Kind, Events = endpoint.Events.Distinct().ToList(),
            // GitHub dispatches are authenticated by the token; an unused secret is still stored so the column never holds plain text.
            ProtectedSecret = _protector.Protect(endpoint.Secret ?? ""),
            ProtectedToken = string.IsNullOrEmpty(endpoint.Token) ? null : _protector.Protect(endpoint.Token),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<IReadOnlyList<WebhookEndpoint>> StoredAsync(CancellationToken cancellationToken = default) =>
        await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.Id).ToListAsync(cancellationToken);

    public async Task RemoveAsync(int id, CancellationToken cancellationToken = default) =>
        await db.WebhookEndpoints.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken);
}

public sealed record NewEndpoint(string Url, WebhookKind Kind, string? Secret, string? Token, IReadOnlyList<string> Events);
