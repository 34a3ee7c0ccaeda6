using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Cadence.Cms.Accounts;

/// <summary>What the person's authenticator app needs: a secret key (as text and as a QR code), shown once while setting up.</summary>
public sealed record AuthenticatorSetup(string Key, string QrCodeDataUri)
{
    /// <summary>The key in groups of four, as apps accept it typed and as it fits a phone's width.</summary>
    public string GroupedKey => string.Join(' ', Key.Chunk(4).Select(group => new string(group)));
}

/// <summary>
/// Two-factor sign-in with an authenticator app, on Identity's built-in support: its authenticator key, its TOTP
/// check (RFC 6238, 30-second codes) and its single-use recovery codes. Turning it on or off changes the security
/// stamp, so other sessions of the account sign in again.
/// </summary>
public sealed class AuthenticatorApp(UserManager<CadenceUser> users, IUserStore<CadenceUser> store)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>The key to set up with (made on first use and kept until two-factor sign-in is turned off).</summary>
    public async Task<AuthenticatorSetup> SetupAsync(CadenceUser user, string issuer)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Stored without a new security stamp (which ResetAuthenticatorKeyAsync would make): merely opening this
            // page must not sign the person out everywhere. Nothing signs in with the key until it is turned on.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<CadenceUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            await users.UpdateAsync(user);
        }
        var uri = $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(user.Email ?? "")}" +
                  $"?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6&period=30";
        return new AuthenticatorSetup(key, QrCodeDataUri(uri));
    }

    /// <summary>Turns two-factor sign-in on when <paramref name="code"/> comes from the app; the new recovery codes, or null.</summary>
    public async Task<IReadOnlyList<string>?> TurnOnAsync(CadenceUser user, string code)
    {
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Digits(code))) return null;
        await users.SetTwoFactorEnabledAsync(user, true);
        return await NewRecoveryCodesAsync(user);
    }

    /// <summary>New recovery codes; the earlier ones stop working.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(CadenceUser user) =>
        (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];

    public Task<int> RecoveryCodesLeftAsync(CadenceUser user) => users.CountRecoveryCodesAsync(user);

    /// <summary>Turns it off and forgets the key, so turning it on again needs a fresh set-up in the app.</summary>
    public async Task TurnOffAsync(CadenceUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
    }

    /// <summary>A code as apps show it ("123 456") or typed with stray spaces or dashes.</summary>
    public static string Digits(string code) => code.Replace(" ", "").Replace("-", "");

    // A PNG in a data: address: the manager's CSP allows data: images, and no script or outside service is needed.
    private static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
