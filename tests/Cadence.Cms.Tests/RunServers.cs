namespace Cadence.Cms.Tests;

/// <summary>Stops the servers this test run started for every test (PostgreSQL) once the assembly's tests are done.</summary>
[SetUpFixture]
public sealed class RunServers
{
    [OneTimeTearDown]
    public void Stop() => PostgresCluster.StopIfStarted();
}
