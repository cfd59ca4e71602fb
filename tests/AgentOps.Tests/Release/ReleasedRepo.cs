using System.Runtime.InteropServices;
using AgentOps.Tests.Build;
using AgentOps.Tests.EndToEnd;

namespace AgentOps.Tests.Release;

/// <summary>
/// What a release leaves behind, made once per test run: a copy of this repository (its committed files plus
/// the working tree's changes) whose <c>origin</c> is a local bare repository, released there by
/// <c>eng/ship/release.sh</c> for this machine's runtime only (CI time: one native build, not five), with
/// a local folder as the NuGet feed. Then a throw-away Claude Code adds origin's marketplace branch exactly as
/// a user would, <c>claude plugin marketplace add acme/agentops#marketplace</c> (git's <c>url.insteadOf</c>
/// in that HOME sends GitHub's URL to the bare repository: 2.1.331 accepts neither a file path nor a file://
/// URL with a #ref), and installs the meta-orchestrator from it.
/// </summary>
internal sealed class ReleasedRepo : IDisposable
{
    private static readonly Lazy<ReleasedRepo> Shared = new(() => new ReleasedRepo());

    public static string HostRid => RuntimeInformation.RuntimeIdentifier;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "aop-release-" + Guid.NewGuid().ToString("N")[..10]);
    public string Work => Path.Combine(Root, "work");
    public string Origin => Path.Combine(Root, "origin.git");
    public string Feed => Path.Combine(Root, "feed");
    public string Assets => Path.Combine(Work, "artifacts", "release");
    public string Packed => Path.Combine(Work, "artifacts", "marketplace");
    public ProcessRunner.Output Release { get; }

    /// <summary>The version the script released (its "version X, tag vX" line).</summary>
    public string Version => System.Text.RegularExpressions.Regex.Match(Release.StdOut, @"^version (\S+), tag", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;
    public ClaudePluginCli Claude { get; } = new();
    public ProcessRunner.Output? Add { get; }
    public ProcessRunner.Output? Install { get; }

    /// <summary>The installed meta-orchestrator in Claude Code's plugin cache (null when the install failed).</summary>
    public string? InstalledPlugin { get; }

    public static ReleasedRepo Get()
    {
        // A whole Release build of a clone with the native AOT tool takes about 8 minutes on 2 cores, more than the
        // CI budget allows beside the rest: the release workflow runs these tests (AGENTOPS_RELEASE_TESTS=1) before it
        // publishes; a plain `dotnet test` reports them Inconclusive with this reason.
        if (Environment.GetEnvironmentVariable("AGENTOPS_RELEASE_TESTS") != "1")
            Assert.Inconclusive("release end-to-end tests run in the release workflow: set AGENTOPS_RELEASE_TESTS=1 to run them here");
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            Assert.Inconclusive("eng/ship/release.sh is a bash script for the release runner (Linux or macOS)");
        var released = Shared.Value;
        Assert.AreEqual(0, released.Release.ExitCode, "eng/ship/release.sh failed:\n" + Tail(released.Release.All));
        return released;
    }

    private ReleasedRepo()
    {
        // Shared by every Release test, so removed when the test process ends (AGENTOPS_KEEP_RELEASE_TEST=1 keeps
        // it, e.g. to run `bench startup --marketplace <root>/work/artifacts/marketplace` on a real release).
        if (Environment.GetEnvironmentVariable("AGENTOPS_KEEP_RELEASE_TEST") != "1")
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        Directory.CreateDirectory(Feed);
        CopyRepository(RepoMarketplace.Root, Work);
        Git(Root, "init", "-q", "--bare", Origin);
        Git(Work, "remote", "set-url", "origin", Origin);

        var env = new Dictionary<string, string>
        {
            ["GITHUB_REF_TYPE"] = "", ["GITHUB_REF_NAME"] = "", ["NUGET_API_KEY"] = "", ["GH_TOKEN"] = "", ["GITHUB_TOKEN"] = "",
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        Release = ProcessRunner.Run("bash", Work, TimeSpan.FromMinutes(45), env,
            "eng/ship/release.sh", "--skip-tests", "--no-github", "--runtimes", HostRid, "--remote", "origin", "--nuget-source", Feed);
        if (Release.ExitCode != 0 || !ClaudeSession.IsInstalled) return;

        File.WriteAllText(Path.Combine(Claude.Home, ".gitconfig"),
            $"[url \"file://{Origin}\"]\n\tinsteadOf = https://github.com/acme/agentops.git\n");
        Add = Claude.Run("plugin", "marketplace", "add", "acme/agentops#marketplace");
        Install = Claude.Run("plugin", "install", "agentops-meta-orchestrator@agentops-marketplace");
        var cache = Path.Combine(Claude.Home, ".claude", "plugins", "cache", "agentops-marketplace", "agentops-meta-orchestrator");
        InstalledPlugin = Directory.Exists(cache) ? Directory.GetDirectories(cache).SingleOrDefault() : null;
    }

    /// <summary>The committed files plus the working tree's changes (so a test run sees the code under test), as one commit.</summary>
    private static void CopyRepository(string source, string target)
    {
        Git(Path.GetDirectoryName(target)!, "clone", "-q", "--no-hardlinks", source, target);
        var changed = Git(source, "ls-files", "-z", "--modified", "--others", "--exclude-standard").StdOut
            .Split('\0', StringSplitOptions.RemoveEmptyEntries);
        foreach (var relative in changed)
        {
            var from = Path.Combine(source, relative);
            var to = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            if (File.Exists(to) || Directory.Exists(to)) File.Delete(to);
            if (new FileInfo(from).LinkTarget is { } link) File.CreateSymbolicLink(to, link);
            else if (File.Exists(from)) File.Copy(from, to);
        }
        foreach (var deleted in Git(source, "ls-files", "-z", "--deleted").StdOut.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            File.Delete(Path.Combine(target, deleted));
        Git(target, "add", "-A");
        Git(target, "-c", "user.name=Release test", "-c", "user.email=release@test.invalid", "commit", "-q", "--allow-empty", "-m", "Release test");
    }

    public static ProcessRunner.Output Git(string workingDirectory, params string[] args)
    {
        var result = ProcessRunner.Run("git", workingDirectory, TimeSpan.FromMinutes(2), null, args);
        Assert.AreEqual(0, result.ExitCode, $"git {string.Join(' ', args)} failed:\n{result.All}");
        return result;
    }

    public static string Tail(string text, int lines = 60) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));

    public void Dispose()
    {
        Claude.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
