using Cadence.Cms.Hosting;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Mail;

public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MailOptions>(MailOptions.Section);
        services.AddSingleton<MailDeliverySignal>();
        services.AddScoped<ClinicSender>();
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

    public static string PickupFolder(IConfiguration configuration) => Path.Combine(CadenceOptions.DataFolder(configuration), "mail-pickup");
}
