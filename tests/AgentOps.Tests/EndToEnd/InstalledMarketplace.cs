using AgentOps.Tests.Build;

namespace AgentOps.Tests.EndToEnd;

/// <summary>
/// An isolated HOME with the packed marketplace added and all four plugins installed by the real CLI,
/// and a fresh git repository to work in: what a user has after following the README.
/// </summary>
internal sealed class InstalledMarketplace : IDisposable
{
    public const string MetaPlugin = "agentops-meta-orchestrator";

    public string Root { get; } = Directory.CreateTempSubdirectory("agentops-e2e-").FullName;
    public string Home => Path.Combine(Root, "home");
    public string Work => Path.Combine(Root, "work");

    public InstalledMarketplace()
    {
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Work);
        Git("init", "-q");
        Git("config", "user.name", "E2E User");
        Git("config", "user.email", "e2e@example.com");
        File.WriteAllText(Path.Combine(Work, "README.md"), "# API\n\nA small API the tests orchestrate work on.\n");
        Git("add", "-A");
        Git("commit", "-qm", "initial");
    }

    /// <summary>Adds the packed marketplace and installs the meta-orchestrator (core comes with it) and the profiles.</summary>
    public void Install(FakeAnthropicApi api)
    {
        var session = new ClaudeSession(Home, api);
        var add = session.Cli(Work, TimeSpan.FromMinutes(1), "plugin", "marketplace", "add", RepoMarketplace.PackedFolder);
        Assert.AreEqual(0, add.ExitCode, add.StdErr + add.StdOut);
        foreach (var plugin in new[] { MetaPlugin, "agentops-devops", "agentops-product-dev" })
        {
            var install = session.Cli(Work, TimeSpan.FromMinutes(1), "plugin", "install", $"{plugin}@agentops-marketplace");
            Assert.AreEqual(0, install.ExitCode, install.StdErr + install.StdOut);
        }
        var list = session.Cli(Work, TimeSpan.FromMinutes(1), "plugin", "list", "--json");
        var entry = System.Text.Json.Nodes.JsonNode.Parse(list.StdOut)!.AsArray()
            .Single(p => p!["id"]!.GetValue<string>() == $"{MetaPlugin}@agentops-marketplace")!;
        MetaPluginRoot = (entry["readFromFolder"] ?? entry["installPath"])!.GetValue<string>();
    }

    /// <summary>The installed meta-orchestrator's folder as Claude Code uses it (its CLAUDE_PLUGIN_ROOT): for a
    /// local marketplace 2.1.331 reads the plugin from the marketplace folder, otherwise from its cache copy.</summary>
    public string MetaPluginRoot { get; private set; } = "";

    public string Launcher => Path.Combine(MetaPluginRoot, "bin", "agentops");

    /// <summary>Runs the plugin's own launcher as a hook or command would, with this HOME.</summary>
    public ProcessRunner.Output Agentops(IReadOnlyDictionary<string, string>? env = null, string? stdin = null, params string[] args)
    {
        var environment = new Dictionary<string, string> { ["HOME"] = Home, ["CLAUDE_PLUGIN_ROOT"] = MetaPluginRoot };
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) environment[k] = v;
        return ProcessRunner.RunWithInput(Launcher, Work, TimeSpan.FromMinutes(2), environment, stdin, args);
    }

    public string Git(params string[] args)
    {
        var result = ProcessRunner.Run("git", Work, TimeSpan.FromSeconds(30), null, args);
        Assert.AreEqual(0, result.ExitCode, $"git {string.Join(' ', args)}: {result.All}");
        return result.StdOut;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
