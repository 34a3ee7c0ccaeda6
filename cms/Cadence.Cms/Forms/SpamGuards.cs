using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cadence.Cms.Forms;

/// <summary>Cheap checks that catch most form bots. A hit files the submission as spam; it is never dropped.</summary>
public static class SpamGuards
{
    /// <returns>Why the submission looks like spam, or null.</returns>
    public static string? Suspect(ValidatedSubmission submission, DateTimeOffset now, FormsOptions options)
    {
        if (!string.IsNullOrEmpty(submission.Honeypot)) return "The hidden honeypot field was filled in.";
        if (string.IsNullOrEmpty(submission.Started)) return null; // script off: nothing to judge by
        if (!long.TryParse(submission.Started, NumberStyles.None, CultureInfo.InvariantCulture, out var startedMs))
            return "The page-load time was not a number.";
        var elapsed = now - DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(startedMs, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()));
        // A reader whose clock runs ahead gives a negative time: that is no sign of a bot, so only a short positive one counts.
        return elapsed >= TimeSpan.Zero && elapsed < TimeSpan.FromSeconds(options.MinimumFillSeconds)
            ? $"Sent {elapsed.TotalSeconds:0.0} s after the page loaded."
            : null;
    }

    /// <summary>The same form with the same values, ignoring case and spacing, hashes the same.</summary>
    public static string ContentHash(string formKey, IEnumerable<SubmittedField> fields)
    {
        var text = new StringBuilder(formKey).Append('\u001e');
        foreach (var field in fields.OrderBy(f => f.Name, StringComparer.Ordinal))
            text.Append(field.Name).Append('\u001f').AppendJoin(' ', field.Value.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Append('\u001e');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
