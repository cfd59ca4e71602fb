using AgentOps.Tests.EndToEnd;

namespace AgentOps.Tests.Conformance;

/// <summary>The list of stricter rules in the code and in docs/marketplace/VALIDATE_AND_IMPORT.md agree.</summary>
[TestClass]
public sealed class StricterRulesDocTests
{
    [TestMethod]
    public void EveryStricterRuleIsDocumentedWithItsReason()
    {
        var doc = File.ReadAllText(Path.Combine(ClaudeSession.RepoRoot, "docs", "marketplace", "VALIDATE_AND_IMPORT.md"));
        var start = doc.IndexOf("### Stricter than the CLI", StringComparison.Ordinal);
        Assert.IsTrue(start >= 0, "the doc has a 'Stricter than the CLI' section");
        var end = doc.IndexOf("\n### ", start + 5, StringComparison.Ordinal);
        var section = doc[start..(end < 0 ? doc.Length : end)];
        foreach (var code in StricterRules.Codes.Keys)
            StringAssert.Contains(section, $"| {code} |", $"{code} is stricter than the CLI but not in the doc's table");
        var documented = System.Text.RegularExpressions.Regex.Matches(section, @"\| (AOP\d{4}) \|").Select(m => m.Groups[1].Value);
        foreach (var code in documented)
            Assert.IsTrue(StricterRules.Codes.ContainsKey(code), $"{code} is in the doc's table but not in StricterRules");
    }
}
