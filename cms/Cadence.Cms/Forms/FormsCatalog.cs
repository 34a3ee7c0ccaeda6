using Cadence.Cms.Data;
using Cadence.Cms.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Forms;

/// <summary>What the submission path needs from the database, read once and kept a few seconds.</summary>
public sealed record FormsSnapshot(
    IReadOnlyDictionary<string, FormDefinition> Forms, Uri? SiteBase, IReadOnlySet<string> AllowedOrigins,
    string? NotificationEmail, string ClinicName, Mail.MailSender Sender)
{
    public bool IsAllowedOrigin(string? origin) => SiteOrigins.Normalise(origin) is { } o && AllowedOrigins.Contains(o);
}

/// <summary>
/// Caches form definitions and site settings for the submission endpoint, so a busy form does not read them on
/// every post. Changes made in the manager take effect within <see cref="Lifetime"/>.
/// </summary>
public sealed class FormsCatalog(IServiceScopeFactory scopes, TimeProvider clock, IOptions<FormsOptions> options, IOptions<Mail.MailOptions> mail) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();
    private (FormsSnapshot Snapshot, DateTimeOffset LoadedAt)? current;

    public async ValueTask<FormsSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (current is { } fresh && clock.GetUtcNow() - fresh.LoadedAt < Lifetime) return fresh.Snapshot;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is { } again && clock.GetUtcNow() - again.LoadedAt < Lifetime) return again.Snapshot;
            var snapshot = await LoadAsync(cancellationToken);
            current = (snapshot, clock.GetUtcNow());
            return snapshot;
        }
        finally { gate.Release(); }
    }

    /// <summary>Makes the next request read the database again (after an edit).</summary>
    public void Invalidate() => current = null;

    private async Task<FormsSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        var forms = await db.Forms.AsNoTracking().ToListAsync(cancellationToken);
        var settings = await db.Settings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        var siteOrigin = SiteOrigins.Normalise(settings.BaseUrl);
        var origins = options.Value.AllowedOrigins.Select(SiteOrigins.Normalise).Append(siteOrigin).OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var siteBase = siteOrigin is null ? null : new Uri(settings.BaseUrl.TrimEnd('/') + "/");
        return new FormsSnapshot(forms.ToDictionary(f => f.Key, StringComparer.Ordinal), siteBase, origins,
            settings.NotificationEmail, string.IsNullOrWhiteSpace(settings.ClinicName) ? "Cadence" : settings.ClinicName,
            Mail.ClinicSender.Choose(mail.Value.From, settings.ClinicName, settings.BaseUrl));
    }
}
