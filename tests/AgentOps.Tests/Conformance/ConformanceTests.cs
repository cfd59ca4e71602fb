using System.Text;
using AgentOps.Tests.EndToEnd;

namespace AgentOps.Tests.Conformance;

/// <summary>
/// Our validator against the real `claude plugin validate` (pinned in package.json) on the generated
/// mutation corpus and on the real marketplaces of the vendored Fixtures/marketplaces. Required: no false negative
/// (every folder the CLI rejects, we reject, and in the same file), and every error only we report is
/// a documented stricter rule (<see cref="StricterRules"/>).
/// </summary>
[TestClass]
[TestCategory("ClaudeCli")]
public sealed class ConformanceTests
{
    private static readonly Lazy<(IReadOnlyList<CaseComparison> Cases, AgreementTable Table)> Generated = new(() => Run(GeneratedFolders()));

    public static string CacheDirectory => Path.Combine(ClaudeSession.RepoRoot, "obj", "claude-validate-cache");

    private static ClaudeValidateRunner Runner()
    {
        if (!ClaudeSession.IsInstalled) Assert.Inconclusive("run npm install --ignore-scripts in the repo root to get the pinned Claude Code CLI");
        return new ClaudeValidateRunner(ClaudeSession.BinaryPath, CacheDirectory);
    }

    private static IReadOnlyList<(string, string, string)> GeneratedFolders()
    {
        var corpus = Path.Combine(Path.GetTempPath(), "aop-conformance-corpus");
        return MutationCorpus.Generate().Select(c => (c.Id, c.ErrorClass, c.Materialize(corpus))).ToList();
    }

    private static (IReadOnlyList<CaseComparison>, AgreementTable) Run(IReadOnlyList<(string Id, string ErrorClass, string Folder)> folders)
    {
        var (cases, cliTime, ourTime) = ConformanceComparer.Compare(Runner(), folders);
        var table = AgreementTable.Of(cases, cliTime, ourTime);
        // The full comparison, case by case, for whoever investigates a disagreement (obj/ is not committed).
        var report = Path.Combine(ClaudeSession.RepoRoot, "obj", $"conformance-report-{folders.Count}.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        File.WriteAllText(report, table + "\n\n" + Describe(cases, int.MaxValue));
        return (cases, table);
    }

    [TestMethod]
    public void RealMarketplacesHaveNoFalseNegative()
    {
        var root = Path.Combine(Path.GetTempPath(), "aop-conformance-real");
        var folders = TestFixtures.MarketplaceFiles().Select(file =>
        {
            var folder = Path.Combine(root, Path.GetFileNameWithoutExtension(file));
            Directory.CreateDirectory(Path.Combine(folder, ".claude-plugin"));
            File.Copy(file, Path.Combine(folder, ".claude-plugin", "marketplace.json"), overwrite: true);
            return (Path.GetFileNameWithoutExtension(file), "real marketplace", folder);
        }).ToList();
        Assert.IsTrue(folders.Count > 0);
        var (cases, table) = Run(folders);
        Console.WriteLine(table);
        foreach (var c in cases)
            Console.WriteLine($"{c.Id}: CLI exit {c.Cli.ExitCode} ({c.Cli.Errors.Count} errors, {c.Cli.Warnings.Count} warnings); ours {c.Ours.Count(d => d.IsError)} errors, {c.Ours.Count(d => !d.IsError)} warnings: "
                + string.Join(", ", c.Ours.GroupBy(d => d.Code).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}")));
        var misses = cases.Where(c => c.FalseNegative || c.FileFalseNegatives.Any()).ToList();
        Assert.AreEqual(0, misses.Count, "the CLI rejects, we do not:\n" + Describe(misses));
        var undocumented = cases.Where(c => c.OnlyOurs.Any(d => !StricterRules.Codes.ContainsKey(d.Code))).ToList();
        Assert.AreEqual(0, undocumented.Count, "errors only we report, not a documented stricter rule:\n" + Describe(undocumented));
    }

    /// <summary>The cases of issue 18 alone (a quick run of the CLI on what changed): no false negative, and
    /// every error only we report is a stricter rule whose message says so.</summary>
    [TestMethod]
    public void Issue18CasesAgreeWithTheCli()
    {
        var corpus = Path.Combine(Path.GetTempPath(), "aop-conformance-issue18");
        var folders = MutationCorpus.Generate().Where(c => MutationCorpus.IsIssue18Case(c.Id)).Select(c => (c.Id, c.ErrorClass, c.Materialize(corpus))).ToList();
        Assert.IsTrue(folders.Count >= 40, $"only {folders.Count} cases");
        var (cases, table) = Run(folders);
        Console.WriteLine(table);
        var misses = cases.Where(c => c.FalseNegative || c.FileFalseNegatives.Any()).ToList();
        Assert.AreEqual(0, misses.Count, "the CLI rejects, we do not:\n" + Describe(misses));
        var undocumented = cases.Where(c => c.OnlyOurs.Any(d => !StricterRules.Codes.ContainsKey(d.Code))).ToList();
        Assert.AreEqual(0, undocumented.Count, "errors only we report, not a documented stricter rule:\n" + Describe(undocumented));
        var unmarked = cases.SelectMany(c => c.OnlyOurs).Where(d => !d.Message.Contains(AgentOps.Core.Validation.StricterThanClaudeCode.Marker, StringComparison.Ordinal)).ToList();
        Assert.AreEqual(0, unmarked.Count, "stricter errors that do not say so:\n" + string.Join("\n", unmarked));
        foreach (var id in new[] { "security/hook-curl-pipe-sh", "security/settings-ld-preload", "security/invisible-unicode-command" })
            Assert.IsTrue(cases.Single(c => c.Id == id) is { CliRejects: false, OursRejects: true }, $"{id}: the CLI accepts it, we reject it on purpose");
        foreach (var id in new[] { "remote-source/archive-ok", "marketplace/pluginroot-bare", "marketplace/pluginroot-trailing-slash", "hooks-json/event-directoryadded", "hooks-json/event-messagedisplay" })
            Assert.IsTrue(cases.Single(c => c.Id == id) is { CliRejects: false, OursRejects: false }, Describe(cases.Where(c => c.Id == id)));
    }

    [TestMethod]
    public void CorpusHasAtLeast300DeterministicCases()
    {
        var first = MutationCorpus.Generate();
        var second = MutationCorpus.Generate();
        Assert.IsTrue(first.Count >= 300, $"only {first.Count} cases");
        CollectionAssert.AreEqual(first.Select(c => c.Id).ToList(), second.Select(c => c.Id).ToList());
        Assert.AreEqual(first.Count, first.Select(c => c.Id).Distinct().Count(), "case ids are unique");
    }

    [TestMethod]
    public void OurValidatorNeverThrowsOnTheCorpus()
    {
        var (cases, _) = Generated.Value;
        var crashes = cases.Where(c => c.Ours.Any(d => d.Code == ConformanceComparer.CrashCode)).ToList();
        Assert.AreEqual(0, crashes.Count, Describe(crashes));
    }

    [TestMethod]
    public void GeneratedCorpusHasNoFalseNegative()
    {
        var (cases, table) = Generated.Value;
        Console.WriteLine(table);
        var misses = cases.Where(c => c.FalseNegative).ToList();
        Assert.AreEqual(0, misses.Count, "the CLI rejects, we do not:\n" + Describe(misses));
        var fileMisses = cases.Where(c => c.FileFalseNegatives.Any()).ToList();
        Assert.AreEqual(0, fileMisses.Count, "the CLI rejects a file we report no error in:\n" + Describe(fileMisses));
    }

    [TestMethod]
    public void GeneratedCorpusOnlyOursAreDocumentedStricterRules()
    {
        var (cases, _) = Generated.Value;
        var undocumented = cases.Where(c => c.OnlyOurs.Any(d => !StricterRules.Codes.ContainsKey(d.Code))).ToList();
        Assert.AreEqual(0, undocumented.Count, "errors only we report, not a documented stricter rule:\n" + Describe(undocumented));
    }

    [TestMethod]
    public void ValidFixturesAreAcceptedByBoth()
    {
        var (cases, _) = Generated.Value;
        foreach (var c in cases.Where(c => c.ErrorClass == "valid"))
        {
            Assert.IsFalse(c.CliRejects, Describe([c]));
            Assert.IsFalse(c.OursRejects, Describe([c]));
        }
    }

    internal static string Describe(IEnumerable<CaseComparison> cases, int max = 40)
    {
        var sb = new StringBuilder();
        foreach (var c in cases.Take(max))
        {
            var tag = c.FalseNegative ? "FN " : c.FileFalseNegatives.Any() ? "FFN " : !c.CliRejects && c.OursRejects ? "OURS " : "";
            sb.AppendLine($"== {tag}{c.Id} ({c.ErrorClass}): CLI exit {c.Cli.ExitCode}, ours {c.Ours.Count(d => d.IsError)} error(s)");
            foreach (var e in c.Cli.Errors) sb.AppendLine($"   cli  {e.File}: {e.Path}: {e.Message}");
            foreach (var d in c.Ours.Where(d => d.IsError)) sb.AppendLine($"   ours {ConformanceComparer.Relative(c.Folder, d.File)}({d.Line}): {d.Code} {d.Message}");
        }
        return sb.ToString();
    }
}
