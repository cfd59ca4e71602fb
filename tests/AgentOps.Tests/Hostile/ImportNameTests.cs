using AgentOps.Core.Import;
using AgentOps.Tests.Learning;

namespace AgentOps.Tests.Hostile;

/// <summary>`agentops import` names each project file after the marketplace entry's name: a name that is a
/// path, holds a newline or is 100,000 characters long is skipped with a note, never written.</summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class ImportNameTests
{
    [TestMethod]
    [DataRow("../../../escaped")]
    [DataRow("a\nb")]
    [DataRow("p\udc00")]
    [DataRow(null)] // 100,000 characters: the file name is too long for any file system
    public void AnEntryNameThatIsNotInstallableIsSkipped(string? name)
    {
        name ??= new string('x', 100_000);
        var root = LearningFixtures.TempDir();
        var market = Path.Combine(root, "market");
        HostileFiles.Plugin(Path.Combine(market, "plugins"), "p");
        Directory.CreateDirectory(Path.Combine(market, ".claude-plugin"));
        File.WriteAllText(Path.Combine(market, ".claude-plugin", "marketplace.json"), Newtonsoft.Json.JsonConvert.SerializeObject(new
        {
            name = "m", owner = new { name = "o" },
            plugins = new object[] { new { name, source = "./plugins/p" }, new { name = "fine", source = "./plugins/p" } },
        }));
        var output = Path.Combine(root, "out", "deeper");

        var result = MarketplaceImporter.Import(market, output);

        Assert.AreEqual("fine.agentplugin", Path.GetFileName(result.PluginProjects.Single()));
        Assert.IsTrue(result.Notes.Any(n => n.Message.Contains("not a name Claude Code can install", StringComparison.Ordinal)));
        var written = Directory.EnumerateFiles(root, "*.agentplugin", SearchOption.AllDirectories).ToList();
        CollectionAssert.AreEqual(new[] { Path.Combine(output, "plugins", "p", "fine.agentplugin") }, written);
    }

    [TestMethod]
    [DataRow("\"a description\"")]
    [DataRow("[1, 2]")]
    [DataRow("7")]
    public void A_metadata_that_is_not_an_object_is_read_as_no_metadata(string metadata)
    {
        // Claude Code reads metadata.description and metadata.version only from an object; a scalar there once
        // crashed import ("Cannot access child value on JValue").
        var root = LearningFixtures.TempDir();
        var market = Path.Combine(root, "market");
        HostileFiles.Plugin(Path.Combine(market, "plugins"), "p");
        Directory.CreateDirectory(Path.Combine(market, ".claude-plugin"));
        File.WriteAllText(Path.Combine(market, ".claude-plugin", "marketplace.json"),
            $"{{\"name\": \"m\", \"owner\": {{\"name\": \"o\"}}, \"metadata\": {metadata}, \"plugins\": [{{\"name\": \"p\", \"source\": \"./plugins/p\"}}]}}");

        var result = MarketplaceImporter.Import(market, Path.Combine(root, "out"));

        Assert.AreEqual("p.agentplugin", Path.GetFileName(result.PluginProjects.Single()));
        Assert.IsTrue(result.Notes.Any(n => n.JsonPath == "metadata"), "the metadata no project property holds is noted, not dropped silently");
    }

    [TestMethod]
    [DataRow("CON")]
    [DataRow("nul")]
    [DataRow("com1.tools")]
    [DataRow("tools.")]
    public void AnEntryNamedWhatWindowsCannotMakeAFolderOfIsSkippedAndWarnedOnValidate(string name)
    {
        var root = LearningFixtures.TempDir();
        var market = Path.Combine(root, "market");
        HostileFiles.Plugin(Path.Combine(market, "plugins"), "p");
        Directory.CreateDirectory(Path.Combine(market, ".claude-plugin"));
        var manifest = Path.Combine(market, ".claude-plugin", "marketplace.json");
        File.WriteAllText(manifest, Newtonsoft.Json.JsonConvert.SerializeObject(new
        {
            name = "m", owner = new { name = "o" },
            plugins = new object[] { new { name = "fine", source = "./plugins/p", description = "A plugin that is fine" }, new { name, source = "./plugins/p", description = "A plugin with a device name" } },
        }, Newtonsoft.Json.Formatting.Indented));

        var result = MarketplaceImporter.Import(market, Path.Combine(root, "out"));
        Assert.AreEqual("fine.agentplugin", Path.GetFileName(result.PluginProjects.Single()));
        Assert.IsTrue(result.Notes.Any(n => n.Message.StartsWith("AOP0808", StringComparison.Ordinal) && n.Message.Contains(name, StringComparison.Ordinal)),
            string.Join("\n", result.Notes.Select(n => n.Message)));

        var parsed = AgentOps.Core.Json.JsonFile.Parse(manifest, File.ReadAllText(manifest), out _)!;
        var warning = AgentOps.Core.Validation.MarketplaceCiValidator.Validate(manifest, parsed).Single(d => d.Code == "AOP0808");
        Assert.AreEqual(AgentOps.Core.Diagnostics.DiagnosticSeverity.Warning, warning.Severity);
        Assert.AreEqual(File.ReadAllLines(manifest).ToList().FindIndex(l => l.Contains($"\"{name}\"", StringComparison.Ordinal)) + 1, warning.Line, "at the name's line");
    }
}
