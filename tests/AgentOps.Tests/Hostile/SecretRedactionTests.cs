using AgentOps.Core.Security;
using AgentOps.Core.Validation;
using AgentOps.Tests.Learning;

namespace AgentOps.Tests.Hostile;

/// <summary>Redaction you can trust: every seeded kind is found by our scanner, and the independent
/// judge sees the raw corpus (so its silence on our output means something).</summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class SecretRedactionTests
{
    public static IEnumerable<object[]> Seeds => SecretCorpus.All.Select(s => new object[] { s.Kind });

    [TestMethod]
    [DynamicData(nameof(Seeds))]
    public void EverySeededKindIsRedactedWhole(string kind)
    {
        var seed = SecretCorpus.All.Single(s => s.Kind == kind);
        foreach (var text in new[] { seed.Text, $"before {seed.Text} after", $"{{\"command\":{System.Text.Json.JsonSerializer.Serialize(seed.Text)}}}" })
        {
            var redacted = SecretScanner.Redact(text, out var findings);
            Assert.IsTrue(findings.Count > 0, $"{kind} not found in: {text}");
            Assert.IsFalse(redacted.Contains(seed.Core, StringComparison.Ordinal), $"{kind}: core survived redaction: {redacted}");
            Assert.AreEqual(0, SecretScanner.Scan(redacted).Count, $"{kind}: still a finding after redaction: {redacted}");
        }
    }

    [TestMethod]
    public void TheJudgeSeesTheRawCorpus()
    {
        var dir = LearningFixtures.TempDir();
        // One secret per file: secretlint reports by file, and a key block spans lines.
        for (var i = 0; i < SecretCorpus.All.Count; i++) File.WriteAllText(Path.Combine(dir, $"seed-{i:D2}.txt"), SecretCorpus.All[i].Text + "\n");
        var found = SecretLint.Scan(dir).Select(f => Path.GetFileName(f.File)).ToHashSet();
        var missed = SecretCorpus.All.Select((s, i) => (s, i)).Where(t => t.s.JudgeSees && !found.Contains($"seed-{t.i:D2}.txt")).Select(t => t.s.Kind).ToList();
        Assert.AreEqual(0, missed.Count, "secretlint should recognise these seeds: " + string.Join(", ", missed));
        Assert.IsTrue(SecretCorpus.All.Count(s => s.JudgeSees) >= 30, "the corpus covers the judge's rules");
    }

    [TestMethod]
    public void TruncationNeverLeavesHalfAToken()
    {
        var task = SecretCorpus.LongTaskWithTokenAtTheCut();
        var token = SecretCorpus.All.Single(s => s.Kind == "github-classic-token").Core;
        var cut = SecretScanner.RedactThenTruncate(task, 120);
        Assert.IsTrue(cut.Length <= 120);
        Assert.IsFalse(cut.Contains(token[..12], StringComparison.Ordinal), cut);
        Assert.IsFalse(cut.Contains("ghp_", StringComparison.Ordinal), cut);
    }

    [TestMethod]
    public void AKeyWithoutEndLineIsNotAPlaceholderBecauseExampleAppearsLater()
    {
        var seed = SecretCorpus.All.Single(s => s.Kind == "private-key-no-end");
        Assert.IsTrue(seed.Text.Contains("example", StringComparison.Ordinal));
        Assert.AreEqual("private-key", SecretScanner.Scan(seed.Text).Single().Kind);
    }

    [TestMethod]
    [DataRow("-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----")]
    [DataRow("AWS_SECRET_ACCESS_KEY=${{ secrets.AWS_SECRET_ACCESS_KEY }}")]
    [DataRow("secrets: inherit")]
    [DataRow("max_tokens: 100000")]
    [DataRow("open http://localhost:8080/path@section")]
    [DataRow("postgres://user:<password>@localhost/db")]
    [DataRow("the password is never logged")]
    public void PlaceholdersAndConfigurationAreNotSecrets(string text) =>
        Assert.AreEqual(0, SecretScanner.Scan(text).Count, string.Join(", ", SecretScanner.Scan(text).Select(f => f.Kind)));

    [TestMethod]
    public void ValidateFlagsAPgpKeyBlockInAPluginCommand()
    {
        var plugin = LearningFixtures.TempDir();
        Directory.CreateDirectory(Path.Combine(plugin, "commands"));
        var pgp = SecretCorpus.All.Single(s => s.Kind == "pgp-private-key-block").Text;
        var file = Path.Combine(plugin, "commands", "sign.md");
        File.WriteAllText(file, $"---\ndescription: Sign the release\n---\nUse this key:\n\n{pgp}\n");
        var d = SecretsValidator.Validate(plugin).Single();
        Assert.AreEqual("AOP0600", d.Code);
        Assert.AreEqual(6, d.Line);
        Assert.IsFalse(d.Message.Contains(pgp[40..60], StringComparison.Ordinal), "the message names the kind, never the value");
    }
}
