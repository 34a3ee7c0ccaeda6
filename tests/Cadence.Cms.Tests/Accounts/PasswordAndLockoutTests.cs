using Cadence.Cms.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Accounts;

public class PasswordAndLockoutTests
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

    [Test]
    public async Task Five_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        const string password = "meadow-lantern-copper";
        var email = $"locked-{Guid.NewGuid():N}@clinic.test";
        await CreateUser(email, password);

        await using var scope = _cms.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadenceUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<CadenceUser>>();
        var user = (await users.FindByEmailAsync(email))!;

        for (var attempt = 1; attempt < IdentitySetup.MaxFailedSignIns; attempt++)
            Assert.That((await signIn.CheckPasswordSignInAsync(user, "wrong-password-" + attempt, lockoutOnFailure: true)).IsLockedOut, Is.False);
        var fifth = await signIn.CheckPasswordSignInAsync(user, "wrong-password-5", lockoutOnFailure: true);
        Assert.That(fifth.IsLockedOut, Is.True);

        var right = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        Assert.That(right.Succeeded, Is.False);
        Assert.That(right.IsLockedOut, Is.True);
    }

    private async Task<CadenceUser> CreateUser(string email, string password)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, Roles.Editor, password);
    }
}
