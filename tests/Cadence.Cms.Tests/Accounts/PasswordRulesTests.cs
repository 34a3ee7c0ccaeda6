using Cadence.Cms.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Accounts;

public class PasswordRulesTests
{
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [TestCase("short-pass1")]          // 11 characters
    [TestCase("password1234")]         // common
    [TestCase("qwertyuiop123")]        // keyboard walk
    [TestCase("aaaaaaaaaaaaaaaa")]     // one character repeated
    public void Weak_passwords_are_refused(string password)
    {
        var error = Assert.ThrowsAsync<AccountException>(() => CreateUser($"weak-{Guid.NewGuid():N}@clinic.test", password));
        Assert.That(error!.Message, Is.Not.Empty);
    }

    [TestCase("lowercase words only here")]
    [TestCase("rivermapleglass")]
    public async Task Long_passwords_need_no_digits_capitals_or_symbols(string password) =>
        Assert.That(await CreateUser($"ok-{Guid.NewGuid():N}@clinic.test", password), Is.Not.Null);

    private async Task<CadenceUser> CreateUser(string email, string password)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, Roles.Editor, password);
    }
}
