using System.Net;
using System.Text.RegularExpressions;

namespace Cadence.Cms.Webhooks;

/// <summary>What makes an endpoint acceptable, for configured and manager endpoints alike.</summary>
public static partial class EndpointRules
{
    public const int MinimumSecretLength = 16;

    /// <summary>The first problem found, naming the field to fix, or null. Host names are resolved later, by <see cref="CheckResolvedAsync"/>.</summary>
    public static EndpointProblem? Check(WebhookKind kind, string url, string? secret, string? token, IEnumerable<string> events, bool allowPrivate)
    {
        var unknown = events.FirstOrDefault(e => !WebhookEventNames.IsKnown(e));
        if (unknown is not null) return new("events", $"'{unknown}' is not an event. Use {string.Join(", ", WebhookEventNames.Known)} or *.");
        if (kind == WebhookKind.GitHub)
        {
            if (!GitHubRepository().IsMatch(url)) return new("url", "For GitHub, give the repository as owner/repo.");
            if (string.IsNullOrWhiteSpace(token)) return new("token", "A GitHub endpoint needs a token that may create repository dispatch events.");
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.UserInfo))
            return new("url", "Give an absolute http or https URL without credentials.");
        if (string.IsNullOrEmpty(secret) || secret.Length < MinimumSecretLength)
            return new("secret", $"The signing secret must be at least {MinimumSecretLength} characters.");
        if (!allowPrivate && IsPrivateHost(uri))
            return new("url", "Webhooks may not target loopback, private or link-local addresses.");
        return null;
    }

    /// <summary>Resolves the host and refuses it when any address is private: a manager endpoint is checked this way when saved.</summary>
    public static async Task<EndpointProblem?> CheckResolvedAsync(string url, bool allowPrivate, CancellationToken cancellationToken)
    {
        if (allowPrivate || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(uri.DnsSafeHost, cancellationToken);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return new("url", $"The host '{uri.Host}' could not be resolved.");
        }
        return addresses.Any(PrivateAddresses.IsPrivate)
            ? new("url", "Webhooks may not target loopback, private or link-local addresses.")
            : null;
    }

    private static bool IsPrivateHost(Uri uri) =>
        uri.IsLoopback
        || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && PrivateAddresses.IsPrivate(address));

    [GeneratedRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
    private static partial Regex GitHubRepository();
}

public sealed record EndpointProblem(string Field, string Message);
