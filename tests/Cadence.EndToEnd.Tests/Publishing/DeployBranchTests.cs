using System.Diagnostics;

namespace Cadence.EndToEnd.Tests.Publishing;

/// <summary>
/// <c>.ci/deploy-branch</c>, the one way both the publish workflow and <c>./build.sh --target=publish --deploy-branch</c>
/// deploy to a git branch, run against a real bare repository: one commit on top of the branch's history, nothing
/// pushed when nothing changed, and a branch that does not exist left alone.
/// </summary>
public class DeployBranchTests
{
    private string _work = "";
    private string _remote = "";

    [SetUp]
    public void MakeRemote()
    {
        _work = RepoPaths.NewTempFolder("deploy-branch");
        _remote = Path.Combine(_work, "remote.git");
        Git(_work, "init", "--quiet", "--bare", _remote);
        var seed = Path.Combine(_work, "seed");
        Git(_work, "clone", "--quiet", _remote, seed);
        Git(seed, "checkout", "--quiet", "-b", "gh-pages");
        File.WriteAllText(Path.Combine(seed, "old.html"), "old");
        Git(seed, "add", "--all");
        Git(seed, "-c", "user.name=Owner", "-c", "user.email=owner@clinic.example", "commit", "--quiet", "-m", "Start the site branch");
        Git(seed, "push", "--quiet", "origin", "gh-pages");
    }

    [Test]
    public void A_site_lands_as_one_commit_on_the_branch_and_a_second_deploy_of_the_same_site_pushes_nothing()
    {
        var site = Path.Combine(_work, "site");
        Directory.CreateDirectory(Path.Combine(site, "posts", "a"));
        File.WriteAllText(Path.Combine(site, "index.html"), "<p>Home</p>");
        File.WriteAllText(Path.Combine(site, "posts", "a", "index.html"), "<p>A post</p>");

        var first = Deploy(site, "gh-pages");
        var second = Deploy(site, "gh-pages");

        Assert.Multiple(() =>
        {
            Assert.That(first, Does.Contain("Pushed the site"));
            Assert.That(second, Does.Contain("already holds this site"));
            Assert.That(Git(_work, "--git-dir", _remote, "rev-list", "--count", "gh-pages"), Is.EqualTo("2"), "the start plus one publish");
            Assert.That(Git(_work, "--git-dir", _remote, "ls-tree", "-r", "--name-only", "gh-pages").Split('\n'),
                Is.EquivalentTo(new[] { ".nojekyll", "index.html", "posts/a/index.html" }), "the old file is gone, the site is all there");
            Assert.That(Git(_work, "--git-dir", _remote, "show", "gh-pages:posts/a/index.html"), Is.EqualTo("<p>A post</p>"));
        });
    }

    [Test]
    public void A_branch_that_does_not_exist_is_left_alone()
    {
        var site = Path.Combine(_work, "site");
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "index.html"), "<p>Home</p>");

        var said = Deploy(site, "live");

        Assert.Multiple(() =>
        {
            Assert.That(said, Does.Contain("has no branch live"));
            Assert.That(Git(_work, "--git-dir", _remote, "branch", "--list"), Does.Not.Contain("live"));
        });
    }

    private string Deploy(string site, string branch) => Run("bash", RepoPaths.Root, Path.Combine(RepoPaths.Root, ".ci", "deploy-branch"), site, branch, _remote);

    private static string Git(string directory, params string[] arguments) => Run("git", directory, arguments);

    private static string Run(string file, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"{file} {string.Join(' ', arguments)}: {error}");
        return output.Result.Trim();
    }
}
