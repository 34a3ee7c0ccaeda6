using Microsoft.Extensions.Options;

namespace Cadence.Cms.Webhooks;

/// <summary>The <c>Cadence:Webhooks</c> section (environment variables <c>Cadence__Webhooks__…</c>).</summary>
public sealed class WebhookOptions
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
    /// After a delivery to an endpoint, events within this window wait and go out together at its end,
    /// so a burst of saves makes one build rather than one per save. The first event of a quiet spell goes at once.
    /// </summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the outbox is checked when nothing wakes the dispatcher (saves wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The GitHub REST API; configurable so a test can receive the dispatch request itself.</summary>
    public Uri GitHubApiBaseUrl { get; set; } = new("https://api.github.com");
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

/// <summary>Refuses to start with an endpoint that could never work or would reach a private network.</summary>
public sealed class WebhookOptionsValidation : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var errors = new List<string>();
        if (options.Timeout <= TimeSpan.Zero) errors.Add("Cadence:Webhooks:Timeout must be positive.");
        if (options.RetryBaseDelay <= TimeSpan.Zero) errors.Add("Cadence:Webhooks:RetryBaseDelay must be positive.");
        if (options.MaxAttempts < 1) errors.Add("Cadence:Webhooks:MaxAttempts must be at least 1.");
        if (options.Debounce < TimeSpan.Zero) errors.Add("Cadence:Webhooks:Debounce cannot be negative.");
        if (options.PollInterval <= TimeSpan.Zero) errors.Add("Cadence:Webhooks:PollInterval must be positive.");
        for (var i = 0; i < options.Endpoints.Count; i++)
        {
            var endpoint = options.Endpoints[i];
            var problem = EndpointRules.Check(endpoint.Kind, endpoint.Url, endpoint.Secret, endpoint.Token, endpoint.Events, options.AllowPrivateTargets);
            if (problem is not null) errors.Add($"Cadence:Webhooks:Endpoints:{i}: {problem.Message}");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
