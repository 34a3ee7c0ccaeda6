using System.Net;
using Microsoft.AspNetCore.Identity;

namespace Cadence.Cms.Accounts;

public enum SignInState { SignedIn, NeedsCode, Mismatch, Disabled, Slowed }

/// <param name="Wait">For <see cref="SignInState.Slowed"/>, and for a mismatch that made this client wait before its next try.</param>
public sealed record SignInOutcome(SignInState State, TimeSpan Wait = default);

/// <summary>
/// The password step of signing in. Whether or not an account has the typed address, the answer reads the same and
/// takes the same work (one password hash: an unknown address is checked against a stranger's hash), so neither
/// the message nor the time tells a guesser which accounts exist. "Disabled" is said only after the right password.
/// </summary>
public sealed class PasswordSignIn(UserManager<CadenceUser> users, CadenceSignIn signIn, IPasswordHasher<CadenceUser> hasher, SignInThrottle throttle)
{
    private static readonly CadenceUser Stranger = new();
    private static string? s_strangerHash;

    public async Task<SignInOutcome> SignInAsync(string email, string password, bool remember, IPAddress? client)
    {
        if (throttle.WaitBeforeNextTry(email, client) is { } wait) return new(SignInState.Slowed, wait);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            hasher.VerifyHashedPassword(Stranger, s_strangerHash ??= hasher.HashPassword(Stranger, Passwords.Random()), password);
            return Failed(email, client);
        }
        if (!await users.CheckPasswordAsync(user, password)) return Failed(email, client);
        if (!await signIn.CanSignInAsync(user)) return new(SignInState.Disabled);

        throttle.Succeeded(email, client);
        var result = await signIn.SignInAfterPasswordAsync(user, remember);
        return new(result.RequiresTwoFactor ? SignInState.NeedsCode : SignInState.SignedIn);
    }

    private SignInOutcome Failed(string email, IPAddress? client)
    {
        throttle.Failed(email, client);
        return new(SignInState.Mismatch, throttle.WaitBeforeNextTry(email, client) ?? TimeSpan.Zero);
    }
}
