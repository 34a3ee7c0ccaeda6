namespace Cadence.Cms.Tests.Manager;

/// <summary>A CMS for the whole fixture, with the Admin signed in to the manager.</summary>
public abstract class SignedInAdminTests
{
    protected CmsServer Cms { get; private set; } = null!;
    protected ManagerSession Admin { get; private set; } = null!;

    /// <summary>Configuration the fixture's CMS starts with, beyond the test defaults.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    [OneTimeSetUp]
    public async Task StartSignedIn()
    {
        Cms = await CmsServer.StartAsync(Settings);
        Admin = await ManagerSession.SignedInAsync(Cms);
    }

    [OneTimeTearDown]
    public async Task StopSignedIn()
    {
        Admin.Dispose();
        await Cms.DisposeAsync();
    }
}
