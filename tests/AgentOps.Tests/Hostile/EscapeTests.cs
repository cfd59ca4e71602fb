using AgentOps.Core.Json;
using AgentOps.Core.Markdown;
using AgentOps.Tests.Learning;

namespace AgentOps.Tests.Hostile;

/// <summary>Escapes that decode to no character: a JSON key "\udc00" (valid for JSON.parse) and a YAML
/// "\UFFFFFFFF" end as a parse or a coded diagnostic at their line, never as an unhandled exception.</summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class EscapeTests
{
    [TestMethod]
    public void AJsonKeyEscapingALoneSurrogateParses()
    {
        var token = JsonFile.Parse("hooks.json", "{\"hooks\": {}, \"\\udc00\": 1, \"\\ud800x\": 2}", out var diagnostic);
        Assert.IsNull(diagnostic, diagnostic?.Message);
        Assert.IsNotNull(token);
    }

    [TestMethod]
    public void ALoneSurrogateKeyTwiceIsADuplicateKey()
    {
        JsonFile.Parse("hooks.json", "{\n\"\\udc00\": 1,\n\"\\udc00\": 2}", out var diagnostic);
        Assert.AreEqual("AOP0011", diagnostic?.Code);
        Assert.AreEqual(3, diagnostic!.Line);
    }

    [TestMethod]
    public void ALoneSurrogateKeyInHooksJsonIsNotACrashOfValidate()
    {
        var root = LearningFixtures.TempDir();
        var plugin = HostileFiles.Plugin(root);
        Directory.CreateDirectory(Path.Combine(plugin, "hooks"));
        File.WriteAllText(Path.Combine(plugin, "hooks", "hooks.json"), "{\"hooks\": {\"\\udc00\": []}}");
        var (exit, stdout, stderr) = HostileFiles.Agentops(root, TimeSpan.FromSeconds(60), "validate", plugin);
        Assert.IsFalse((stdout + stderr).Contains("Unhandled", StringComparison.Ordinal), stderr);
        Assert.AreEqual(0, exit, stdout + stderr);
        StringAssert.Contains(stdout, "warning AOP0500: unknown hook event");
    }

    [TestMethod]
    [DataRow("\\UFFFFFFFF")]
    [DataRow("\\U80000000")]
    public void AYamlEscapeNamingNoCharacterIsAFrontmatterError(string escape)
    {
        var doc = MarkdownDocument.Parse("bad.md", HostileFiles.Command($"model: sonnet\ndescription: \"x{escape}\"\n"));
        var error = doc.Errors.Single();
        Assert.AreEqual("AOP0100", error.Code);
        Assert.AreEqual(3, error.Line);
        Assert.AreEqual(16, error.Column);
    }
}
