using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;
using AgentOps.Tests.EndToEnd;

namespace AgentOps.Tests;

/// <summary>
/// docs/diagnostics.md is the registry: every code constant has its row, every row its constant, every Rule cell
/// names a class that exists and emits the code, and no source writes a code as a literal (which is how a code
/// drifts to a second meaning).
/// </summary>
[TestClass]
public sealed class DiagnosticRegistryTests
{
    private static readonly IReadOnlyDictionary<string, string> Constants = DiagnosticRegistry.ConstantNames();

    [TestMethod]
    public void EveryConstantHasADocRowAndEveryRowAConstant()
    {
        var rows = DiagnosticRegistry.All.Select(d => d.Code).ToHashSet();
        var undocumented = Constants.Keys.Where(c => !rows.Contains(c)).Order().ToList();
        var unknown = rows.Where(c => !Constants.ContainsKey(c)).Order().ToList();
        Assert.AreEqual("", string.Join(", ", undocumented), "codes without a row in docs/diagnostics.md");
        Assert.AreEqual("", string.Join(", ", unknown), "rows of docs/diagnostics.md without a DiagnosticCodes constant");
    }

    [TestMethod]
    public void EmbeddedTableIsTheDocInTheRepo()
    {
        var doc = File.ReadAllText(Path.Combine(ClaudeSession.RepoRoot, "docs", "diagnostics.md"));
        CollectionAssert.AreEquivalent(
            DiagnosticRegistry.Parse(doc).Select(d => d.Code).ToList(),
            DiagnosticRegistry.All.Select(d => d.Code).ToList());
    }

    [TestMethod]
    public void NoCodeHasTwoConstants()
    {
        var fields = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .GroupBy(f => (string)f.GetRawConstantValue()!)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(f => f.Name))}")
            .ToList();
        Assert.AreEqual("", string.Join("; ", fields));
    }

    [TestMethod]
    public void EveryRowNamesTheClassesThatEmitIt()
    {
        var sources = SourceFiles().ToDictionary(f => f, File.ReadAllText);
        var problems = new List<string>();
        foreach (var d in DiagnosticRegistry.All)
        {
            // A retired code keeps its row and constant (so it is never reused for another meaning) but nothing emits it.
            if (d.Where.Contains("(retired)", StringComparison.Ordinal)) continue;
            if (d.Rules.Count == 0) { problems.Add($"{d.Code}: empty Rule cell"); continue; }
            foreach (var rule in d.Rules)
            {
                var emits = sources.Any(s => Path.GetFileNameWithoutExtension(s.Key).Split('.')[0] == rule
                    && s.Value.Contains("DiagnosticCodes." + Constants[d.Code], StringComparison.Ordinal));
                if (!emits) problems.Add($"{d.Code}: `{rule}` does not emit DiagnosticCodes.{Constants[d.Code]}");
            }
        }
        Assert.AreEqual("", string.Join("\n", problems));
    }

    [TestMethod]
    public void SourcesNeverWriteACodeAsALiteral()
    {
        var literal = new Regex("\"AOP\\d{4}\"");
        var offenders = SourceFiles()
            .Where(f => !Path.GetFileName(f).StartsWith("DiagnosticCodes", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((l, i) => (f, i, l)))
            .Where(x => literal.IsMatch(x.l))
            .Select(x => $"{Path.GetRelativePath(ClaudeSession.RepoRoot, x.f)}:{x.i + 1}")
            .ToList();
        Assert.AreEqual("", string.Join("\n", offenders));
    }

    [TestMethod]
    public void JsonAndSarifCarryTheRegistryHelpLink()
    {
        var d = new Diagnostic(DiagnosticCodes.FrontmatterSyntax, DiagnosticSeverity.Error, "/r/a.md", 2, 3, "bad yaml");
        var json = new StringWriter();
        DiagnosticWriters.WriteJson(json, "/r", "plugin", [d], "/r");
        var item = JsonNode.Parse(json.ToString())!["diagnostics"]![0]!;
        Assert.AreEqual("FrontmatterSyntax", (string?)item["rule"]);
        Assert.AreEqual(DiagnosticRegistry.DocsUri + "#aop0100", (string?)item["help_uri"]);
        Assert.AreEqual("a.md", (string?)item["path"]);

        var sarif = new StringWriter();
        DiagnosticWriters.WriteSarif(sarif, [d], "/r", "1.0.0");
        var rule = JsonNode.Parse(sarif.ToString())!["runs"]![0]!["tool"]!["driver"]!["rules"]![0]!;
        Assert.AreEqual(DiagnosticRegistry.DocsUri + "#aop0100", (string?)rule["helpUri"]);
        Assert.AreEqual("error", (string?)rule["defaultConfiguration"]!["level"]);
        StringAssert.Contains((string?)rule["shortDescription"]!["text"], "does not parse");
    }

    private static IEnumerable<string> SourceFiles() =>
        new[] { "AgentOps.Core", "AgentOps.Orchestration", "AgentOps.Tasks", "AgentOps.Cli", "eng" }
            .Select(p => Path.Combine(ClaudeSession.RepoRoot, p))
            .Where(Directory.Exists)
            .SelectMany(p => Directory.EnumerateFiles(p, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
}
