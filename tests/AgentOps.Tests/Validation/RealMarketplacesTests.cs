using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;

namespace AgentOps.Tests.Validation;

/// <summary>
/// Runs the marketplace validator over the real marketplace.json files in the vendored Fixtures/marketplaces
/// (read in place, never copied into the repo). Their local plugin folders are absent, so "source
/// folder missing" is expected; anything else must be rare and sensible, and nothing may throw.
/// </summary>
[TestClass]
public sealed class RealMarketplacesTests
{
    [TestMethod]
    public void EveryRealMarketplaceValidatesWithoutThrowing()
    {
        var files = TestFixtures.MarketplaceFiles();
        Assert.IsTrue(files.Count > 0);
        var report = new List<string>();
        foreach (var file in files)
        {
            using var dir = new TempDir();
            Directory.CreateDirectory(dir.File(".claude-plugin"));
            File.Copy(file, dir.File(".claude-plugin/marketplace.json"));
            var diagnostics = MarketplaceFolderValidator.Validate(dir.Path);
            var unexpected = diagnostics.Where(d => d.IsError && d.Code != DiagnosticCodes.SourceFolderMissing).ToList();
            report.Add($"{Path.GetFileName(file)}: {diagnostics.Count} findings, {unexpected.Count} errors besides missing sources; "
                + string.Join(", ", diagnostics.GroupBy(d => d.Code).Select(g => $"{g.Key} x{g.Count()}")));
            report.AddRange(unexpected.Take(5).Select(d => "  " + d.ToString().Replace(dir.Path, "")));
            var json = diagnostics.Where(d => d.File.EndsWith("marketplace.json", StringComparison.Ordinal)).ToList();
            Assert.IsTrue(json.All(d => d.Line > 0), "every marketplace.json finding has a line: " + string.Join("\n", json.Where(d => d.Line == 0)));
            // Mostly valid files: schema errors stay a small fraction of the entries.
        }
        Console.WriteLine(string.Join("\n", report));
        Assert.IsTrue(report.Count(l => l.StartsWith("  ")) <= 10, string.Join("\n", report));
    }
}
