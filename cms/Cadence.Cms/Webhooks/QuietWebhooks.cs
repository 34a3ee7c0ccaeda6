using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Webhooks;

/// <summary>
/// Saves through one context raise no webhook events while a hold on it is open (the changes feed still records
/// them): a first-start import seeds a site that has never been built, so there is nothing for a receiver to
/// refresh. Holds belong to the context, not to the process or the async flow, so other requests and nested
/// holds cannot switch each other's off.
/// </summary>
public static class QuietWebhooks
{
    private static readonly ConditionalWeakTable<DbContext, Holds> Open = new();

    public static IDisposable For(DbContext db)
    {
        var holds = Open.GetOrCreateValue(db);
        Interlocked.Increment(ref holds.Count);
        return new Release(holds);
    }

    public static bool IsOn(DbContext db) => Open.TryGetValue(db, out var holds) && Volatile.Read(ref holds.Count) > 0;

    private sealed class Holds
    {
        public int Count;
    }

    private sealed class Release(Holds holds) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) Interlocked.Decrement(ref holds.Count);
        }
    }
}
