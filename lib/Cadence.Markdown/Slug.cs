using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AnyAscii;

namespace Cadence.Markdown;

/// <summary>
/// URL slugs: any script transliterated to ASCII (Кузнецов → kuznetsov, 膝の痛み → xi-notong-mi), lower-case, words joined by hyphens.
/// The CMS and the content-folder format both use this one rule.
/// </summary>
public static class Slug
{
    public const int MaxLength = 80;

    // Letters that Unicode decomposition does not reduce to ASCII.
    private static readonly Dictionary<char, string> Special = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['Æ'] = "ae", ['ø'] = "o", ['Ø'] = "o", ['œ'] = "oe", ['Œ'] = "oe",
        ['đ'] = "d", ['Đ'] = "d", ['ł'] = "l", ['Ł'] = "l", ['þ'] = "th", ['Þ'] = "th", ['ð'] = "d", ['Ð'] = "d",
        ['&'] = " and ",
    };

    /// <summary>The slug of <paramref name="text"/>; empty only for blank text.</summary>
    /// <param name="fallbackPrefix">
    /// When nothing of the text is left (a title of punctuation or symbols AnyAscii has no letters for), the slug is this prefix and a short
    /// hash of the text: stable, so the same title always gets the same address.
    /// </param>
    public static string From(string text, string fallbackPrefix = "post")
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (Special.TryGetValue(c, out var replacement)) folded.Append(replacement);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(c);
        }

        var slug = new StringBuilder(folded.Length);
        var pendingHyphen = false;
        // Latin letters are folded above (as before, so existing slugs stay); every other script is transliterated here.
        foreach (var c in folded.ToString().Transliterate())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0) slug.Append('-');
                pendingHyphen = false;
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (c != '\'' && c != '’')
            {
                pendingHyphen = true;
            }
        }

        var result = slug.ToString();
        if (result.Length > MaxLength) result = result[..MaxLength].TrimEnd('-');
        return result.Length > 0 ? result : Fallback(text, fallbackPrefix);
    }

    private static string Fallback(string text, string prefix)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim().Normalize(NormalizationForm.FormC)));
        return $"{From(prefix, "x")}-{Convert.ToHexStringLower(hash.AsSpan(0, 4))}";
    }

    /// <summary>A slug is lower-case ASCII letters and digits in hyphen-separated words.</summary>
    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && slug[0] != '-' && slug[^1] != '-' &&
        !slug.Contains("--", StringComparison.Ordinal) &&
        slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>The first of <paramref name="slug"/>, slug-2, slug-3 … that <paramref name="isTaken"/> refuses.</summary>
    public static string Unique(string slug, Func<string, bool> isTaken)
    {
        if (!isTaken(slug)) return slug;
        for (var n = 2; ; n++)
        {
            var candidate = $"{slug}-{n}";
            if (!isTaken(candidate)) return candidate;
        }
    }
}
