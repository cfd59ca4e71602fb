using System.Text.Json.Nodes;
using AgentOps.Tests.Build;
using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Content;

/// <summary>
/// The judge: the real Claude Code CLI (pinned in package.json) accepts each plugin folder with the
/// plugin.json the SDK will generate — no error, no warning, no directory finding — and sees the whole
/// inventory; installed from a marketplace, `claude plugin details` lists every component.
/// </summary>
[TestClass]
[TestCategory("ClaudeCli")]
public sealed class ClaudeValidateTests
{
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["agentops-core"] = ["prime", "prime-simple", "prime-complex", "research", "research-multi", "plan", "implement", "validate",
            "validate-multi", "bundle-save", "bundle-load", "learn", "status", "code-explorer", "doc-explorer", "history-explorer",
            "spec-architect", "risk-assessor", "change-executor", "validation-planner", "test-generator", "continuous-validator",
            "rpiv-workflow", "context-bundles", "SessionStart", "PreCompact"],
        ["agentops-devops"] = ["k8s-deploy", "docker-optimize", "ci-pipeline", "gitops-promote", "infra-plan", "monitoring-setup",
            "kubernetes-specialist", "docker-specialist", "cicd-engineer", "gitops-engineer", "infrastructure-engineer",
            "observability-engineer", "devops-change-safety"],
        ["agentops-product-dev"] = ["feature", "api-design", "backend-endpoint", "frontend-component", "db-migration", "test-strategy",
            "api-designer", "backend-engineer", "frontend-engineer", "database-engineer", "qa-engineer", "api-contract-first"],
        ["agentops-meta-orchestrator"] = ["orchestrate", "analyze-plugins", "show-patterns", "learn-from", "meta-stats", "orchestrator",
            "UserPromptSubmit", "Stop", "SessionEnd"],
    };

    [TestMethod]
    public void Each_plugin_validates_strict_with_no_error_no_warning_and_its_full_inventory()
    {
        ClaudePluginCli.RequireInstalled();
        using var cli = new ClaudePluginCli();
        using var temp = new TempDir();
        foreach (var plugin in ContentRepo.PluginNames)
        {
            var copy = ContentRepo.CopyWithManifest(ContentRepo.PluginDir(plugin), temp.Path);
            var verdict = cli.Validate(copy);
            Assert.IsTrue(verdict.Success, $"{plugin} rejected:\n{verdict.Raw}");
            Assert.AreEqual(0, verdict.Errors.Count, $"{plugin}: {string.Join("; ", verdict.Errors)}");
            Assert.AreEqual(0, verdict.Warnings.Count, $"{plugin}: {string.Join("; ", verdict.Warnings)}");
            Assert.AreEqual(0, verdict.DirectoryFindings.Count, $"{plugin}: {string.Join("; ", verdict.DirectoryFindings)}");

            var json = JsonNode.Parse(cli.Run("plugin", "validate", "--strict", "--json", copy).StdOut)!;
            foreach (var content in json["contents"]?.AsArray() ?? [])
                Assert.AreEqual(0, (content?["errors"]?.AsArray().Count ?? 0) + (content?["warnings"]?.AsArray().Count ?? 0), $"{plugin}: {content}");
            var provides = json["provides"]!;
            var seen = new[] { "commands", "agents", "skills" }
                .SelectMany(k => provides[k]?.AsArray().Select(n => n!.GetValue<string>().Split(':').Last()) ?? [])
                .Concat(provides["hooks"]?.AsArray().Select(h => h!["event"]!.GetValue<string>()) ?? [])
                .ToHashSet();
            foreach (var name in Expected[plugin])
                Assert.IsTrue(seen.Contains(name), $"{plugin}: Claude Code does not see '{name}'; it sees {string.Join(", ", seen.Order())}");
        }
    }

    [TestMethod]
    public void Installed_from_a_marketplace_plugin_details_lists_every_component()
    {
        ClaudePluginCli.RequireInstalled();
        using var cli = new ClaudePluginCli();
        using var temp = new TempDir();
        var plugins = new JsonArray();
        foreach (var plugin in ContentRepo.PluginNames)
        {
            ContentRepo.CopyWithManifest(ContentRepo.PluginDir(plugin), temp.File("plugins"));
            var manifest = ContentRepo.ManifestFor(ContentRepo.PluginDir(plugin), plugin);
            plugins.Add(new JsonObject { ["name"] = plugin, ["source"] = $"./plugins/{plugin}", ["description"] = manifest["description"]!.GetValue<string>() });
        }
        temp.Write(".claude-plugin/marketplace.json", new JsonObject
        {
            ["name"] = "agentops-marketplace",
            ["owner"] = new JsonObject { ["name"] = "AgentOps Marketplace" },
            ["description"] = "Test copy of the AgentOps marketplace.",
            ["plugins"] = plugins,
        }.ToJsonString());

        var add = cli.Run("plugin", "marketplace", "add", temp.Path);
        Assert.AreEqual(0, add.ExitCode, add.All);
        foreach (var plugin in ContentRepo.PluginNames)
        {
            var install = cli.Run("plugin", "install", $"{plugin}@agentops-marketplace");
            Assert.AreEqual(0, install.ExitCode, install.All);
            var details = cli.Run("plugin", "details", $"{plugin}@agentops-marketplace");
            Assert.AreEqual(0, details.ExitCode, details.All);
            foreach (var name in Expected[plugin])
                StringAssert.Contains(details.StdOut, name, $"{plugin}: `claude plugin details` does not list {name}:\n{details.StdOut}");
        }
    }
}
