using Cadence.Cms.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Accounts;

/// <summary>Fresh accounts for one test each, made through the CMS's own account service.</summary>
public static class TestAccounts
{
    public const string Password = "granite-willow-ferry-nine";

    public static async Task<string> CreateAsync(CmsServer cms, string role, string name, string password = Password)
    {
        var email = $"{name}-{Guid.NewGuid():N}@clinic.test";
        await using var scope = cms.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, role, password, name);
        return email;
    }
}
