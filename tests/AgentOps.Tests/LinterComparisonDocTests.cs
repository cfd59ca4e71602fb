using System.Reflection;
using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;
using AgentOps.Tests.EndToEnd;

namespace AgentOps.Tests;

/// <summary>docs/marketplace/LINTER_COMPARISON.md stays true: the codes it names exist, every security and
/// content rule is in it, and its "(stricter)" marks are exactly <see cref="StricterThanClaudeCode"/>.</summary>
[TestClass]
public sealed class LinterComparisonDocTests
{
    private static readonly Lazy<IReadOnlyList<string>> Rows = new(() =>
        File.ReadAllLines(Path.Combine(ClaudeSession.RepoRoot, "docs", "marketplace", "LINTER_COMPARISON.md"))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("AOP", StringComparison.Ordinal)).ToList());

    private static HashSet<string> AllCodes() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

    // The agentops column (the second): its codes, with ranges such as AOP0801–AOP0807 expanded.
    private static IEnumerable<string> CodesOf(string row)
    {
        var cell = Cells(row)[2];
        foreach (Match m in Regex.Matches(cell, @"AOP(\d{4})(–AOP(\d{4}))?"))
        {
            var first = int.Parse(m.Groups[1].Value);
            var last = m.Groups[3].Success ? int.Parse(m.Groups[3].Value) : first;
            for (var n = first; n <= last; n++) yield return $"AOP{n:0000}";
        }
    }

    // Cells split at unescaped pipes ("curl … \| sh" is one cell).
    private static string[] Cells(string row) => Regex.Split(row, @"(?<!\\)\|");

    [TestMethod]
    public void EveryNamedCodeExistsAndEverySecurityAndContentRuleIsListed()
    {
        var codes = AllCodes();
        var named = Rows.Value.SelectMany(CodesOf).ToHashSet(StringComparer.Ordinal);
        var unknown = named.Where(c => !codes.Contains(c)).ToList();
        Assert.AreEqual(0, unknown.Count, "named but not a code: " + string.Join(", ", unknown));
        var missing = codes.Where(c => string.CompareOrdinal(c, "AOP1100") >= 0 && string.CompareOrdinal(c, "AOP1199") <= 0 && !named.Contains(c)).ToList();
        Assert.AreEqual(0, missing.Count, "rules missing from the comparison: " + string.Join(", ", missing));
    }

    [TestMethod]
    public void StricterMarksAreExactlyTheStricterRules()
    {
        var marked = Rows.Value.Where(r => Cells(r)[2].Contains("(stricter)", StringComparison.Ordinal)).SelectMany(CodesOf).ToHashSet(StringComparer.Ordinal);
        CollectionAssert.AreEquivalent(StricterThanClaudeCode.Reasons.Keys.ToList(), marked.ToList());
    }
}
