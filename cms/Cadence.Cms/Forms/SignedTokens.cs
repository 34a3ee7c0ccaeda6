using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Cadence.Cms.Forms;

public enum TokenCheck { Valid, Expired, Invalid }

/// <summary>
/// Tamper-proof tokens for links in emails (downloads, newsletter confirmation and unsubscribe), made with
/// ASP.NET Core Data Protection. The expiry inside is checked against the injected clock, so it is testable.
/// </summary>
public sealed class SignedTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public string Create(string purpose, string payload, TimeSpan? lifetime = null)
    {
        var expires = lifetime is { } l ? (clock.GetUtcNow() + l).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : "never";
        return Protector(purpose).Protect(expires + "|" + payload);
    }

    public TokenCheck Read(string purpose, string token, out string payload)
    {
        payload = "";
        string text;
        try { text = Protector(purpose).Unprotect(token); }
        catch (CryptographicException) { return TokenCheck.Invalid; }
        catch (FormatException) { return TokenCheck.Invalid; }
        var bar = text.IndexOf('|');
        if (bar < 0) return TokenCheck.Invalid;
        payload = text[(bar + 1)..];
        var expires = text[..bar];
        if (expires == "never") return TokenCheck.Valid;
        return long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && clock.GetUtcNow().ToUnixTimeSeconds() < seconds ? TokenCheck.Valid : TokenCheck.Expired;
    }

    private IDataProtector Protector(string purpose) => protection.CreateProtector("Cadence.Forms.Links", purpose);
}

public static class TokenPurposes
{
    public const string Download = "download";
    public const string Confirm = "newsletter-confirm";
    public const string Unsubscribe = "newsletter-unsubscribe";
}
