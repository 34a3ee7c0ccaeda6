using System.ComponentModel.DataAnnotations;

namespace Cadence.Cms.Webhooks;

/// <summary>The <c>Cadence:Webhooks</c> section (environment variables <c>Cadence__Webhooks__…</c>).</summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string Section = "Cadence:Webhooks";

    /// <summary>Endpoints from configuration, alongside the ones made in the manager.</summary>
    public List<ConfiguredEndpoint> Endpoints { get; set; } = [];

    /// <summary>Lets webhooks reach loopback and private networks, for a local builder. Off by default (SSRF).</summary>
    public bool AllowPrivateTargets { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first retry waits this long; each later one twice as long as the one before, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// How long an instance holds a delivery it is sending. An instance that dies mid-send leaves its claim; another
    /// instance sends the delivery again once this has passed. Longer than <see cref="Timeout"/>, so a slow answer is not
    /// mistaken for a dead instance.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// After a delivery to an endpoint, events within this window wait and go out together at its end,
    /// so a burst of saves makes one build rather than one per save. The first event of a quiet spell goes at once.
    /// </summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the outbox is checked when nothing wakes the dispatcher (saves wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The GitHub REST API; configurable so a test can receive the dispatch request itself.</summary>
    public Uri GitHubApiBaseUrl { get; set; } = new("https://api.github.com");

    /// <summary>Refuses to start with an endpoint that could never work or would reach a private network.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Timeout <= TimeSpan.Zero) yield return new("Cadence:Webhooks:Timeout must be positive.");
        if (RetryBaseDelay <= TimeSpan.Zero) yield return new("Cadence:Webhooks:RetryBaseDelay must be positive.");
        if (MaxAttempts < 1) yield return new("Cadence:Webhooks:MaxAttempts must be at least 1.");
        if (ClaimLease <= Timeout) yield return new("Cadence:Webhooks:ClaimLease must be longer than Cadence:Webhooks:Timeout.");
        if (Debounce < TimeSpan.Zero) yield return new("Cadence:Webhooks:Debounce cannot be negative.");
        if (PollInterval <= TimeSpan.Zero) yield return new("Cadence:Webhooks:PollInterval must be positive.");
        for (var i = 0; i < Endpoints.Count; i++)
        {
            var endpoint = Endpoints[i];
            var problem = EndpointRules.Check(endpoint.Kind, endpoint.Url, endpoint.Secret, endpoint.Token, endpoint.Events, AllowPrivateTargets);
            if (problem is not null) yield return new($"Cadence:Webhooks:Endpoints:{i}: {problem.Message}");
        }
    }
}

public sealed class ConfiguredEndpoint
{
    /// <summary>The receiver's URL, or for <see cref="WebhookKind.GitHub"/> the repository as <c>owner/repo</c>.</summary>
    public string Url { get; set; } = "";
    public string? Secret { get; set; }
    public List<string> Events { get; set; } = [];
    public WebhookKind Kind { get; set; } = WebhookKind.Generic;

    /// <summary>A GitHub token allowed to create repository dispatch events.</summary>
    public string? Token { get; set; }
}
