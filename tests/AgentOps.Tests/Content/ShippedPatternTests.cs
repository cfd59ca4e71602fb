using AgentOps.Core.Patterns;
using AgentOps.Core.Validation;

namespace AgentOps.Tests.Content;

/// <summary>The patterns shipped in agentops-meta-orchestrator pass the build's validator and the learning engine's reader.</summary>
[TestClass]
public sealed class ShippedPatternTests
{
    private static string PatternsDir => Path.Combine(ContentRepo.PluginDir("agentops-meta-orchestrator"), "patterns");

    private static IEnumerable<string> PatternFiles() =>
        Directory.EnumerateFiles(PatternsDir, "*.md", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "README.md");

    [TestMethod]
    public void Every_shipped_pattern_passes_the_pattern_validator()
    {
        var files = PatternFiles().ToList();
        Assert.IsTrue(files.Count >= 6, $"at least 5 learned + 1 meta pattern, found {files.Count}");
        foreach (var file in files)
        {
            var diagnostics = PatternValidator.ValidateFile(file);
            Assert.AreEqual(0, diagnostics.Count, $"{file}:\n{string.Join("\n", diagnostics)}");
        }
    }

    [TestMethod]
    public void The_store_reads_five_learned_and_a_meta_pattern_without_any_diagnostic()
    {
        var stored = new PatternStore(Path.GetDirectoryName(PatternsDir)!).List();
        foreach (var s in stored)
        {
            Assert.IsNotNull(s.Pattern, $"{s.Path}: {string.Join("; ", s.Diagnostics)}");
            Assert.AreEqual(0, s.Diagnostics.Count, $"{s.Path}:\n{string.Join("\n", s.Diagnostics)}");
            Assert.AreEqual(Path.GetFileNameWithoutExtension(s.Path), s.Pattern!.Id, "file name = pattern_id");
            Assert.IsTrue(s.Pattern.Executions >= 3 && s.Pattern.SuccessRate is >= 0 and <= 1, s.Path);
            Assert.IsTrue(s.Pattern.Steps.Count > 0, $"{s.Path}: workflow steps parsed");
        }
        var learned = stored.Where(s => s.Lifecycle == PatternLifecycle.Learned).Select(s => s.Pattern!).ToList();
        Assert.IsTrue(learned.Count >= 5, $"{learned.Count} learned patterns");
        Assert.IsTrue(learned.All(p => p.Validated && p.SuccessRate >= 0.7), "learned patterns are validated (>= 70 %)");
        Assert.AreEqual(learned.Count, learned.Select(p => p.Category).Distinct().Count(), "one example per category");
        Assert.IsTrue(stored.Count(s => s.Lifecycle == PatternLifecycle.Meta) >= 1, "at least one meta pattern");
    }

    [TestMethod]
    public void Learned_statistics_agree_with_their_execution_ledger()
    {
        foreach (var s in new PatternStore(Path.GetDirectoryName(PatternsDir)!).List(PatternLifecycle.Learned))
        {
            var p = s.Pattern!;
            Assert.AreEqual(p.Executions, p.Ledger.Count, $"{p.Id}: executions = ledger lines");
            Assert.AreEqual(Math.Round((double)p.Ledger.Count(e => e.Success) / p.Ledger.Count, 2), p.SuccessRate, 1e-9, $"{p.Id}: success rate from the ledger");
            CollectionAssert.AreEquivalent(p.Ledger.Select(e => e.ExecutionId).ToList(), p.ExecutionIds.ToList(), $"{p.Id}: execution_ids");
            Assert.AreEqual(PatternIds.WorkflowHash(p.Category, p.Steps.Select(x => x.Name)), p.WorkflowHash, $"{p.Id}: workflow hash");
            StringAssert.StartsWith(p.Id, p.Category + "-", "a learned id is <category>-<hash>");
        }
    }

    [TestMethod]
    public void Pattern_steps_name_agents_that_the_marketplace_ships()
    {
        foreach (var s in new PatternStore(Path.GetDirectoryName(PatternsDir)!).List())
            foreach (var step in s.Pattern!.Steps)
            {
                var parts = step.Name.Split(':');
                Assert.AreEqual(2, parts.Length, $"{s.Path}: step '{step.Name}' is plugin:agent");
                Assert.IsTrue(File.Exists(Path.Combine(ContentRepo.PluginDir(parts[0]), "agents", parts[1] + ".md")), $"{s.Path}: {step.Name} does not exist");
            }
    }
}
