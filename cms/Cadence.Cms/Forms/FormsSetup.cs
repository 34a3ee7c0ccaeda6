using System.Threading.RateLimiting;
using Cadence.Cms.Accounts;
using Cadence.Cms.Hosting;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Forms;

public static class FormsSetup
{
    public const string RateLimitPolicy = "forms";

    public static IServiceCollection AddForms(this IServiceCollection services)
    {
        services.AddValidatedOptions<FormsOptions>(FormsOptions.Section);
        services.AddSingleton<FormsCatalog>();
        services.AddSingleton<SignedTokens>();
        services.AddSingleton<SubmissionMails>();
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<SubmissionWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<SubmissionWriter>());
        services.AddScoped<InboxQueries>();
        services.AddScoped<SubscriberQueries>();
        services.AddScoped<PersonalDataEraser>();
        services.AddScoped<FormUsage>();
        services.AddScoped<FormEditor>();
        services.AddHostedService<SubmissionRetention>();

        services.AddSingleton<ICorsPolicyProvider, FormsCorsPolicyProvider>();
        services.AddCors();

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, http =>
            {
                var forms = http.RequestServices.GetRequiredService<IOptions<FormsOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = forms.RateLimitPermits, Window = TimeSpan.FromSeconds(forms.RateLimitWindowSeconds), QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var signIn = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == SignInRateLimit.Policy;
                var message = signIn ? SignInRateLimit.RejectedMessage : "Too many forms were sent from your address. Please wait a minute and send it again.";
                var answer = FormCallers.WantsJson(http.Request)
                    ? TypedResults.Problem(statusCode: 429, title: message)
                    : ReaderPage.Render(429, "Please wait a moment", message);
                await answer.ExecuteAsync(http);
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/forms/{key}", SubmissionEndpoint.HandleAsync).WithName("SubmitForm")
            .RequireCors(FormsCorsPolicyProvider.PolicyName).RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery().AllowAnonymous()
            .WithTags("Forms").WithSummary("Submit a form (urlencoded, multipart or JSON)")
            .Produces<SubmissionAccepted>(201).ProducesValidationProblem().Produces(303).ProducesProblem(403).ProducesProblem(404)
            .ProducesProblem(413).ProducesProblem(415).ProducesProblem(429);
        app.MapGet("/downloads/{token}", DownloadEndpoint.HandleAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapNewsletter();
        return app;
    }
}
