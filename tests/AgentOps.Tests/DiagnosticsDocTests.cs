using System.Reflection;
using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;
using AgentOps.Tests.EndToEnd;

namespace AgentOps.Tests;

/// <summary>docs/diagnostics.md is the one table of codes: every code in <see cref="DiagnosticCodes"/> has
/// exactly one row there, and every row is a code that exists.</summary>
[TestClass]
public sealed class DiagnosticsDocTests
{
    [TestMethod]
    public void EveryCodeHasOneRowAndEveryRowACode()
    {
        var doc = File.ReadAllText(Path.Combine(ClaudeSession.RepoRoot, "docs", "diagnostics.md"));
        var rows = Regex.Matches(doc, @"^\| (AOP\d{4}) \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)
            .Where(c => c.StartsWith("AOP", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var missing = codes.Where(c => !rows.Contains(c)).Order().ToList();
        Assert.AreEqual(0, missing.Count, "codes without a row in docs/diagnostics.md: " + string.Join(", ", missing));
        var twice = rows.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.AreEqual(0, twice.Count, "codes with two rows: " + string.Join(", ", twice));
        var unknown = rows.Where(r => !codes.Contains(r)).ToList();
        Assert.AreEqual(0, unknown.Count, "rows of codes that do not exist: " + string.Join(", ", unknown));
    }
}
