using AgentOps.Core.Import;
using AgentOps.Core.Security;
using AgentOps.Core.Validation;
using AgentOps.Tests.Learning;

namespace AgentOps.Tests.Hostile;

/// <summary>One path policy for validate, the build and import (issue 12, defect 10 and the sources list).</summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class PathPolicyTests
{
    [TestMethod]
    [DataRow("\"commands\": [\"./../../../../etc/passwd\"]")]
    [DataRow("\"commands\": [\".//etc/hostname\"]")]
    [DataRow("\"commands\": \"/etc/passwd\"")]
    [DataRow("\"icon\": \"../../../../etc/passwd\"")]
    [DataRow("\"icon\": \"./assets/../../../secret.png\"")]
    [DataRow("\"agents\": [\"./agents/\\u001b[31mred.md\"]")]
    public void PathsEscapingThePluginAreErrors(string field)
    {
        var root = LearningFixtures.TempDir();
        var plugin = HostileFiles.Plugin(root, manifest: $"{{\n  \"name\": \"alpha\",\n  \"description\": \"The alpha plugin\",\n  {field}\n}}");
        var d = PluginFolderValidator.Validate(plugin).Where(x => x.Code == "AOP0413").ToList();
        Assert.AreEqual(1, d.Count, string.Join("\n", PluginFolderValidator.Validate(plugin)));
        Assert.AreEqual(4, d[0].Line);
    }

    [TestMethod]
    [DataRow("./commands/")]
    [DataRow("./commands/deploy.md")]
    [DataRow("./assets/icon.png")]
    [DataRow("https://example.com/icon.png")]
    public void OrdinaryPathsPass(string path) => Assert.IsNull(PathPolicy.ComponentPathProblem(path));

    [TestMethod]
    [DataRow("{\"source\": \"github\", \"repo\": \"../../etc\"}")]
    [DataRow("{\"source\": \"github\", \"repo\": \"-upload-pack=x/y\"}")]
    [DataRow("{\"source\": \"git-subdir\", \"url\": \"https://github.com/o/r.git\", \"path\": \"../../etc\"}")]
    [DataRow("{\"source\": \"npm\", \"package\": \"\\\"; rm -rf /\"}")]
    [DataRow("{\"source\": \"url\", \"url\": \"https://deploy:s3cr3t/pa55@git.example.org/r.git\"}")]
    [DataRow("{\"source\": \"url\", \"url\": \"ext::sh -c touch% /tmp/pwned\"}")]
    public void UnsafeSourcesAreErrorsAndImportSkipsThem(string source)
    {
        var root = LearningFixtures.TempDir();
        Directory.CreateDirectory(Path.Combine(root, ".claude-plugin"));
        File.WriteAllText(Path.Combine(root, ".claude-plugin", "marketplace.json"),
            $"{{\n  \"name\": \"m\",\n  \"owner\": {{ \"name\": \"o\" }},\n  \"plugins\": [\n    {{ \"name\": \"evil\", \"description\": \"An evil remote plugin\",\n      \"source\": {source} }}\n  ]\n}}");
        var all = MarketplaceFolderValidator.Validate(root);
        var d = all.Where(x => x.Code == "AOP0414").ToList();
        Assert.AreEqual(1, d.Count, string.Join("\n", all));
        Assert.IsFalse(d[0].Message.Contains("s3cr3t", StringComparison.Ordinal), "the password is not repeated");

        var output = LearningFixtures.TempDir();
        var imported = MarketplaceImporter.Import(root, output);
        Assert.IsTrue(imported.Notes.Any(n => n.Message.Contains("AOP0414", StringComparison.Ordinal)));
        Assert.IsFalse(File.ReadAllText(imported.MarketplaceProject).Contains("evil", StringComparison.Ordinal));
    }

    [TestMethod]
    public void TheBuildRefusesAnIconOutsideThePlugin()
    {
        // The build validates the plugin.json it generated: the same check as validate.
        var manifest = AgentOps.Core.Manifests.PluginManifestBuilder.Build(new AgentOps.Core.Manifests.PluginDescription { Name = "alpha", Description = "The alpha plugin", Icon = "../../../../etc/passwd" }).ToString();
        var root = LearningFixtures.TempDir();
        var plugin = HostileFiles.Plugin(root, manifest: manifest);
        Assert.IsTrue(PluginFolderValidator.Validate(plugin).Any(d => d.Code == "AOP0413"));
    }
}
