using Microsoft.AspNetCore.Identity;

namespace Cadence.Cms.Accounts;

/// <summary>
/// Refuses passwords found in breach lists (OWASP ASVS 5: length over composition, and no common passwords).
/// The list is the most common passwords long enough to pass the 12-character rule, plus keyboard walks.
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<CadenceUser>
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<CadenceUser> manager, CadenceUser user, string? password)
    {
        if (password is null) return Task.FromResult(IdentityResult.Success);
        var lowered = password.Trim().ToLowerInvariant();
        var refused = List.Value.Contains(lowered)
            || lowered.Distinct().Count() <= 2
            || MostlyMadeOf(lowered, user.Email?.Split('@')[0].ToLowerInvariant())
            || MostlyMadeOf(lowered, "cadence");
        return Task.FromResult(refused
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "This password is too common or too easy to guess. Try a longer phrase of unrelated words." })
            : IdentityResult.Success);
    }

    /// <summary>True when the password is a guessable word (the email's name, the product's) plus a few characters.</summary>
    private static bool MostlyMadeOf(string password, string? word) =>
        !string.IsNullOrEmpty(word) && password.Contains(word, StringComparison.Ordinal) && password.Length - word.Length < 6;

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Cadence.Cms.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') set.Add(line.Trim().ToLowerInvariant());
        return set;
    }
}
