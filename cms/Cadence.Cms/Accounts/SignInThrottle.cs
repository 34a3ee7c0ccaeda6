using System.Net;
using Microsoft.Extensions.Caching.Memory;

namespace Cadence.Cms.Accounts;

/// <summary>
/// Slows guessing of one account's password (or two-factor code) from one client address: the first
/// <see cref="FreeFailures"/> wrong tries cost nothing, then each further one makes that address wait twice as long
/// before the next, up to <see cref="LongestWait"/>. It never locks the account itself, so a stranger's wrong
/// passwords elsewhere cannot keep the owner out; and it counts what was typed, not what exists, so an unknown
/// address is slowed exactly like a real one. (<see cref="SignInRateLimit"/> separately caps one address across
/// all accounts.)
/// </summary>
public sealed class SignInThrottle(IMemoryCache cache, TimeProvider clock)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    /// <summary>How long this address must still wait before trying <paramref name="account"/> again, or null.</summary>
    public TimeSpan? WaitBeforeNextTry(string account, IPAddress? client)
    {
        if (!cache.TryGetValue(Key(account, client), out Failures? failures)) return null;
        lock (failures!)
        {
            var wait = failures.NotBefore - clock.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : null;
        }
    }

    public void Failed(string account, IPAddress? client)
    {
        var failures = cache.GetOrCreate(Key(account, client), entry =>
        {
            entry.SlidingExpiration = LongestWait * 2; // forgotten a while after the last wrong try
            return new Failures();
        })!;
        lock (failures)
        {
            failures.Count++;
            if (failures.Count <= FreeFailures) return;
            var seconds = Math.Min(Math.Pow(2, failures.Count - FreeFailures), LongestWait.TotalSeconds);
            failures.NotBefore = clock.GetUtcNow() + TimeSpan.FromSeconds(seconds);
        }
    }

    public void Succeeded(string account, IPAddress? client) => cache.Remove(Key(account, client));

    /// <summary>"3 seconds", "2 minutes": a wait as a person reads it, rounded up.</summary>
    public static string Describe(TimeSpan wait) => wait.TotalSeconds <= 90
        ? Plural((int)Math.Ceiling(wait.TotalSeconds), "second")
        : Plural((int)Math.Ceiling(wait.TotalMinutes), "minute");

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";

    private static string Key(string account, IPAddress? client) =>
        $"sign-in-failures:{account.Trim().ToUpperInvariant()}|{client}";

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset NotBefore;
    }
}
