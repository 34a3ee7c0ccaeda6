using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Delivery;

/// <summary>
/// The content version: the id of the newest row of the changes feed. Every save that changes what the API answers
/// writes such a row in its own transaction (<see cref="Content.SiteChangeRecorder"/>), so the number rises with the
/// very commit that changes the content, in the database every instance shares. It is one primary-key lookup.
/// </summary>
public static class ContentVersion
{
    public static async Task<long> ReadAsync(CadenceDb db, CancellationToken cancellationToken) =>
        await db.ContentChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
}
