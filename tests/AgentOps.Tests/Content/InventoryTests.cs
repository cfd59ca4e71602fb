using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgentOps.Core.Validation;
using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Content;

/// <summary>
/// Every command, agent, skill and hook the content issue names exists with the frontmatter Claude
/// Code needs, and each plugin folder passes our validator with no error and no warning.
/// </summary>
[TestClass]
public sealed partial class InventoryTests
{
    private static readonly Dictionary<string, string[]> Commands = new()
    {
        ["agentops-core"] = ["prime", "prime-simple", "prime-complex", "research", "research-multi", "plan", "implement",
            "validate", "validate-multi", "bundle-save", "bundle-load", "learn", "status"],
        ["agentops-devops"] = ["k8s-deploy", "docker-optimize", "ci-pipeline", "gitops-promote", "infra-plan", "monitoring-setup"],
        ["agentops-product-dev"] = ["feature", "api-design", "backend-endpoint", "frontend-component", "db-migration", "test-strategy"],
        ["agentops-meta-orchestrator"] = ["orchestrate", "analyze-plugins", "show-patterns", "learn-from", "meta-stats"],
    };

    private static readonly Dictionary<string, string[]> Agents = new()
    {
        ["agentops-core"] = ["code-explorer", "doc-explorer", "history-explorer", "spec-architect", "risk-assessor",
            "change-executor", "validation-planner", "test-generator", "continuous-validator"],
        ["agentops-devops"] = ["kubernetes-specialist", "docker-specialist", "cicd-engineer", "gitops-engineer",
            "infrastructure-engineer", "observability-engineer"],
        ["agentops-product-dev"] = ["api-designer", "backend-engineer", "frontend-engineer", "database-engineer", "qa-engineer"],
        ["agentops-meta-orchestrator"] = [],
    };

    private static readonly Dictionary<string, string[]> Skills = new()
    {
        ["agentops-core"] = ["rpiv-workflow", "context-bundles"],
        ["agentops-devops"] = ["devops-change-safety"],
        ["agentops-product-dev"] = ["api-contract-first"],
        ["agentops-meta-orchestrator"] = ["orchestrator"],
    };

    /// <summary>Other files each plugin promises: workflows, checks, docs, the launcher.</summary>
    private static readonly Dictionary<string, string[]> Files = new()
    {
        ["agentops-core"] = ["CONSTITUTION.md", "workflows/rpiv.md", "workflows/multi-agent-research.md", "workflows/implementation-loop.md",
            "workflows/validation-gates.md", "workflows/context-bundles.md", "scripts/session-start.sh", "scripts/pre-compact-snapshot.sh"],
        ["agentops-devops"] = ["workflows/kubernetes-deployment.md", "workflows/infrastructure-change.md", "workflows/ci-cd-pipeline.md",
            "workflows/gitops-promotion.md", "validation/k8s-manifests.sh", "validation/dockerfile-check.sh", "validation/terraform-check.sh",
            "validation/ci-workflow-check.sh", "validation/monitoring-checklist.md", "validation/gitops-checklist.md"],
        ["agentops-product-dev"] = ["workflows/feature-delivery.md", "workflows/api-first.md", "workflows/zero-downtime-migration.md",
            "validation/openapi-check.sh", "validation/migration-check.sh", "validation/test-quality-check.sh",
            "validation/api-review-checklist.md", "validation/frontend-checklist.md"],
        ["agentops-meta-orchestrator"] = ["bin/agentops", "workflows/auto-learn.md", "workflows/pattern-validation.md", "metrics/README.md",
            "LEARNING_LOG.md", "patterns/discovered", "patterns/validated", "patterns/learned", "patterns/meta"],
    };

    private static readonly string[] Models = ["sonnet", "opus", "haiku", "inherit"];

    [TestMethod]
    public void Every_named_command_has_a_description_an_argument_hint_and_uses_ARGUMENTS()
    {
        foreach (var (plugin, names) in Commands)
            foreach (var name in names)
            {
                var file = Path.Combine(ContentRepo.PluginDir(plugin), "commands", name + ".md");
                Assert.IsTrue(File.Exists(file), $"{plugin}: command {name} missing at {file}");
                var doc = ContentRepo.Markdown(file);
                Assert.IsTrue(doc.HasFrontmatter, file);
                Assert.IsFalse(string.IsNullOrWhiteSpace(doc.Field("description")?.Scalar), $"{file}: description");
                if (name != "meta-stats") // takes no arguments
                    Assert.IsFalse(string.IsNullOrWhiteSpace(doc.Field("argument-hint")?.Scalar), $"{file}: argument-hint");
                StringAssert.Contains(doc.Body, "$ARGUMENTS", $"{file}: the body must use $ARGUMENTS");
                var lines = File.ReadAllLines(file).Length;
                Assert.IsTrue(lines is >= 25 and <= 90, $"{file}: {lines} lines; a command is focused (about 30-80 lines)");
            }
    }

    [TestMethod]
    public void Meta_orchestrator_commands_run_the_launcher_through_a_narrowed_Bash()
    {
        foreach (var name in Commands["agentops-meta-orchestrator"])
        {
            var file = Path.Combine(ContentRepo.PluginDir("agentops-meta-orchestrator"), "commands", name + ".md");
            var doc = ContentRepo.Markdown(file);
            CollectionAssert.Contains(doc.Field("allowed-tools")!.Items.ToList(), "Bash(${CLAUDE_PLUGIN_ROOT}/bin/agentops:*)", file);
            CollectionAssert.DoesNotContain(doc.Field("allowed-tools")!.Items.ToList(), "Bash", $"{file}: Bash is narrowed to the launcher");
            StringAssert.Contains(doc.Body, "\"${CLAUDE_PLUGIN_ROOT}/bin/agentops\"", file);
            StringAssert.Contains(doc.Body, "not installed", $"{file}: says plainly when the tool is missing");
        }
        var orchestrate = ContentRepo.Markdown(Path.Combine(ContentRepo.PluginDir("agentops-meta-orchestrator"), "commands", "orchestrate.md")).Body;
        StringAssert.Contains(orchestrate, "\"${CLAUDE_PLUGIN_ROOT}/bin/agentops\" plan \"$ARGUMENTS\" --json");
        StringAssert.Contains(orchestrate, "subagent_type");
        foreach (var option in new[] { "--plan-only", "--dry-run", "--learn", "--parallel", "--conservative" })
            StringAssert.Contains(orchestrate, option);
    }

    [TestMethod]
    public void Every_named_agent_has_name_description_tools_and_a_known_model()
    {
        foreach (var (plugin, names) in Agents)
            foreach (var name in names)
            {
                var file = Path.Combine(ContentRepo.PluginDir(plugin), "agents", name + ".md");
                Assert.IsTrue(File.Exists(file), $"{plugin}: agent {name} missing");
                var doc = ContentRepo.Markdown(file);
                Assert.AreEqual(name, doc.Field("name")?.Scalar, $"{file}: name matches the file");
                var description = doc.Field("description")?.Scalar ?? "";
                Assert.IsTrue(description.StartsWith("Use ", StringComparison.Ordinal) && description.Length >= 120,
                    $"{file}: the description says when Claude should use the agent, precisely: '{description}'");
                Assert.IsTrue(doc.Field("tools")?.Items.Count > 0, $"{file}: tools");
                CollectionAssert.Contains(Models, doc.Field("model")?.Scalar, $"{file}: model");
                var lines = File.ReadAllLines(file).Length;
                Assert.IsTrue(lines is >= 25 and <= 70, $"{file}: {lines} lines; an agent is focused (about 30-60 lines)");
            }
    }

    [TestMethod]
    public void Profile_agents_say_which_neighbour_to_pick_instead()
    {
        var all = Agents.Values.SelectMany(a => a).ToHashSet();
        foreach (var plugin in new[] { "agentops-core", "agentops-devops", "agentops-product-dev" })
            foreach (var name in Agents[plugin])
            {
                var description = ContentRepo.Markdown(Path.Combine(ContentRepo.PluginDir(plugin), "agents", name + ".md")).Field("description")!.Scalar!;
                var neighbours = all.Where(a => a != name && description.Contains(a, StringComparison.Ordinal)).ToList();
                Assert.IsTrue(neighbours.Count > 0, $"{plugin}:{name} names no neighbouring agent: '{description}'");
            }
    }

    [TestMethod]
    public void Every_named_skill_has_name_and_description()
    {
        foreach (var (plugin, names) in Skills)
            foreach (var name in names)
            {
                var file = Path.Combine(ContentRepo.PluginDir(plugin), "skills", name, "SKILL.md");
                Assert.IsTrue(File.Exists(file), $"{plugin}: skill {name} missing");
                var doc = ContentRepo.Markdown(file);
                Assert.AreEqual(name, doc.Field("name")?.Scalar, file);
                StringAssert.Contains(doc.Field("description")?.Scalar ?? "", "Use ", $"{file}: says when Claude should use it");
            }
    }

    [TestMethod]
    public void Every_other_promised_file_exists_and_scripts_are_executable_bash()
    {
        foreach (var (plugin, files) in Files)
            foreach (var relative in files.Concat(["README.md", "CHANGELOG.md", "LICENSE", "assets/icon.png"]))
            {
                var path = Path.Combine(ContentRepo.PluginDir(plugin), relative);
                Assert.IsTrue(File.Exists(path) || Directory.Exists(path), $"{plugin}: {relative} missing");
                if (relative.EndsWith(".sh", StringComparison.Ordinal) || relative == "bin/agentops")
                {
                    Assert.AreEqual("#!/usr/bin/env bash", File.ReadLines(path).First(), path);
                    if (!OperatingSystem.IsWindows())
                        Assert.IsTrue((File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0, $"{path} is not executable");
                }
            }
        foreach (var plugin in ContentRepo.PluginNames)
        {
            var readme = File.ReadAllText(Path.Combine(ContentRepo.PluginDir(plugin), "README.md"));
            Assert.IsTrue(Regex.Matches(readme, @"\w+").Count >= 40, $"{plugin}: README needs at least 40 words");
            StringAssert.Contains(File.ReadAllText(Path.Combine(ContentRepo.PluginDir(plugin), "LICENSE")), "MIT License");
            var png = File.ReadAllBytes(Path.Combine(ContentRepo.PluginDir(plugin), "assets", "icon.png"));
            CollectionAssert.AreEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8], $"{plugin}: icon is a PNG");
        }
        StringAssert.Contains(File.ReadAllText(Path.Combine(ContentRepo.PluginDir("agentops-core"), "README.md")), "Why `status` is the 13th command");
    }

    [TestMethod]
    public void Hooks_use_real_events_and_quote_the_plugin_root()
    {
        var core = Hooks("agentops-core");
        CollectionAssert.AreEquivalent(new[] { "SessionStart", "PreCompact" }, core.Select(h => h.Event).Distinct().ToArray());
        foreach (var h in core) StringAssert.StartsWith(h.Command, "\"${CLAUDE_PLUGIN_ROOT}\"/scripts/");

        var meta = Hooks("agentops-meta-orchestrator");
        // The transcript holds every step; the hooks mark the task, each turn's end and the session's end (each payload
        // names the transcript), so a session waits for three hooks, none per tool call or subagent.
        CollectionAssert.AreEquivalent(new[] { "UserPromptSubmit", "Stop", "SessionEnd" }, meta.Select(h => h.Event).ToArray());
        Assert.IsTrue(meta.All(h => h.Matcher is null or ""), "no hook matches a tool");
        foreach (var h in meta)
        {
            // One spool file per event: plain sh `cat`, else hooks/record-event.sh (always at SessionEnd, which learns).
            StringAssert.EndsWith(h.Command, $"bash \"${{CLAUDE_PLUGIN_ROOT}}/hooks/record-event.sh\" {h.Event}", h.Event);
            if (h.Event != "SessionEnd") StringAssert.Contains(h.Command, $"cat 2>/dev/null >\"$d/executions/spool/$$-{h.Event}.json\"", h.Event);
            Assert.AreEqual(10, h.Timeout, $"{h.Event}: a bounded hook");
        }
        foreach (var h in core.Concat(meta)) Assert.IsTrue(HooksValidator.KnownEvents.Contains(h.Event), h.Event);
    }

    [TestMethod]
    public void Each_plugin_folder_passes_the_plugin_validator_with_no_error_and_no_warning()
    {
        using var temp = new TempDir();
        foreach (var plugin in ContentRepo.PluginNames)
        {
            var copy = ContentRepo.CopyWithManifest(ContentRepo.PluginDir(plugin), temp.Path);
            var diagnostics = PluginFolderValidator.Validate(copy);
            Assert.AreEqual(0, diagnostics.Count, $"{plugin}:\n{string.Join("\n", diagnostics)}");
        }
    }

    [TestMethod]
    public void Core_compatibility_links_point_into_agentops_core()
    {
        var diagnostics = AgentOps.RepoChecks.CoreLinksValidator.Validate(ContentRepo.Root);
        Assert.AreEqual(0, diagnostics.Count, string.Join("\n", diagnostics));
        StringAssert.Contains(File.ReadAllText(Path.Combine(ContentRepo.Root, "core", "README.md")), "core.symlinks", "core/README.md tells the Windows story");
    }

    [TestMethod]
    public void Plugin_root_paths_and_component_references_in_the_content_resolve()
    {
        var problems = new List<string>();
        foreach (var plugin in ContentRepo.PluginNames)
        {
            var dir = ContentRepo.PluginDir(plugin);
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.claude-plugin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                var text = File.ReadAllText(file);
                foreach (Match m in PluginRootPath().Matches(text))
                {
                    var relative = m.Groups["path"].Value.TrimEnd('.', ',', ':');
                    if (!File.Exists(Path.Combine(dir, relative)) && !Directory.Exists(Path.Combine(dir, relative)))
                        problems.Add($"{file}: ${{CLAUDE_PLUGIN_ROOT}}/{relative} does not exist");
                }
                foreach (Match m in ComponentReference().Matches(text))
                {
                    var (target, name) = (m.Groups["plugin"].Value, m.Groups["name"].Value);
                    var targetDir = ContentRepo.PluginDir(target);
                    var exists = File.Exists(Path.Combine(targetDir, "commands", name + ".md"))
                                 || File.Exists(Path.Combine(targetDir, "agents", name + ".md"))
                                 || File.Exists(Path.Combine(targetDir, "skills", name, "SKILL.md"));
                    if (!exists) problems.Add($"{file}: {target}:{name} is not a command, agent or skill of {target}");
                }
            }
        }
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
    }

    private sealed record HookEntry(string Event, string Command, int? Timeout, string? Matcher = null);

    private static List<HookEntry> Hooks(string plugin)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(ContentRepo.PluginDir(plugin), "hooks", "hooks.json")))!;
        return root["hooks"]!.AsObject()
            .SelectMany(e => e.Value!.AsArray().SelectMany(m => m!["hooks"]!.AsArray()
                .Select(h => new HookEntry(e.Key, h!["command"]!.GetValue<string>(), h["timeout"]?.GetValue<int>(), m["matcher"]?.GetValue<string>()))))
            .ToList();
    }

    [GeneratedRegex(@"\$\{CLAUDE_PLUGIN_ROOT\}/(?<path>[A-Za-z0-9_./-]+)")]
    private static partial Regex PluginRootPath();

    // `agentops-core:code-explorer`, /agentops-devops:k8s-deploy — the marketplace's own plugins only.
    [GeneratedRegex(@"(?<![A-Za-z0-9-])(?<plugin>agentops-(?:core|devops|product-dev|meta-orchestrator)):(?<name>[a-z][a-z0-9-]*[a-z0-9])")]
    private static partial Regex ComponentReference();
}
