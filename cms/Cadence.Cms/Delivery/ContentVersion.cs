using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Delivery;

/// <summary>
/// The content version: the id of the newest row of the changes feed. Every save that changes what the API answers
/// writes such a row in its own transaction (<see cref="Content.SiteChangeRecorder"/>), so the number rises with the
/// very commit that changes the content, in the database every instance shares.
/// </summary>
/// <remarks>
/// Every cached read asks for it before its cache lookup, so asking must cost next to nothing and still never miss a
/// commit made by any instance. On SQLite it is asked of one dedicated connection that notices other connections'
/// commits without reading a table (<see cref="SqliteContentVersion"/>). Other providers have no such signal; there
/// each call reads <c>MAX(Id)</c> through the pooled context, the one place to give them a cheaper read.
/// </remarks>
public sealed class ContentVersion : IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly SqliteContentVersion? _sqlite;

    public ContentVersion(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        using var scope = scopes.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<CadenceDb>().Database;
        if (database.IsSqlite()) _sqlite = new SqliteContentVersion(database.GetConnectionString()!);
    }

    public async ValueTask<long> ReadAsync(CancellationToken cancellationToken)
    {
        if (_sqlite is not null) return _sqlite.Read();
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        return await db.ContentChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
    }

    public void Dispose() => _sqlite?.Dispose();
}
