using Microsoft.Extensions.Options;

namespace Cadence.Cms.Mail;

public static class MailSetup
{
    public static IServiceCollection AddCadenceMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidation>();
        services.AddSingleton<MailDeliverySignal>();
        services.AddScoped<IMailOutbox, MailOutbox>();
        services.AddScoped<OutboxQueries>();
        services.AddSingleton<IMailTransport>(provider =>
            provider.GetRequiredService<IOptions<MailOptions>>().Value.Transport == MailTransportKind.Smtp
                ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(provider)
                : new PickupMailTransport(PickupFolder(configuration)));
        services.AddSingleton<MailDelivery>();
        services.AddHostedService(provider => provider.GetRequiredService<MailDelivery>());
        return services;
    }

    public static string PickupFolder(IConfiguration configuration) => Path.Combine(CmsApp.DataFolder(configuration), "mail-pickup");

    /// <summary>Names each problem, so a start-up failure says what to fix.</summary>
    private sealed class MailOptionsValidation : IValidateOptions<MailOptions>
    {
        public ValidateOptionsResult Validate(string? name, MailOptions options)
        {
            var problems = MailOptions.Problems(options).ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
