using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;

namespace AgentOps.Tests.Validation;

[TestClass]
public sealed class DependencyGraphValidatorTests
{
    private static PluginNode Node(string name, string? version, params (string Name, string? Range, int Line)[] deps) =>
        new(name, version, deps.Select(d => new PluginDependency(d.Name, d.Range, $"{name}.json", d.Line)).ToList(), $"{name}.json");

    [TestMethod]
    public void SatisfiedGraphIsClean() => Expect.Clean(DependencyGraphValidator.Validate(
    [
        Node("core", "1.4.2"),
        Node("devops", "1.0.0", ("core", "^1.0.0", 3)),
        Node("meta", "0.1.0", ("core", ">=1.2 <2", 4), ("devops", "~1.0.0", 5)),
        Node("exact", "1.0.0", ("core", "1.4.2", 2)),
    ]));

    [TestMethod]
    public void MissingPluginIsAop0300AtTheDeclaration()
    {
        var d = Expect.Has(DependencyGraphValidator.Validate([Node("a", "1.0.0", ("ghost", null, 7))]), DiagnosticCodes.DependencyMissing, 7);
        StringAssert.Contains(d.Message, "ghost");
    }

    [TestMethod]
    public void CycleIsAop0301NamingTheCycleOnce()
    {
        var d = DependencyGraphValidator.Validate([Node("a", "1.0.0", ("b", null, 2)), Node("b", "1.0.0", ("c", null, 3)), Node("c", "1.0.0", ("a", null, 4))]);
        var cycle = Expect.Has(d, DiagnosticCodes.DependencyCycle, 2);
        StringAssert.Contains(cycle.Message, "a -> b -> c -> a");
        Assert.AreEqual(1, d.Count(x => x.Code == DiagnosticCodes.DependencyCycle));
    }

    [TestMethod]
    [DataRow("^2.0.0")]
    [DataRow("~1.3.0")]
    [DataRow(">=1.5 <2")]
    [DataRow("1.4.1")]
    public void UnsatisfiedRangeIsAop0302(string range) =>
        Expect.Has(DependencyGraphValidator.Validate([Node("core", "1.4.2"), Node("x", "1.0.0", ("core", range, 9))]), DiagnosticCodes.DependencyVersionUnsatisfied, 9);

    [TestMethod]
    public void UnparseableRangeIsAop0303() =>
        Expect.Has(DependencyGraphValidator.Validate([Node("core", "1.0.0"), Node("x", "1.0.0", ("core", "latest-ish", 3))]), DiagnosticCodes.DependencyConstraintInvalid, 3);

    [TestMethod]
    [DataRow("^0.2.3", "0.2.9", true)]
    [DataRow("^0.2.3", "0.3.0", false)]
    [DataRow("^1.0.0", "2.0.0-beta", false)]
    [DataRow("~1.2", "1.2.9", true)]
    [DataRow("1.x", "1.9.0", true)]
    [DataRow("*", "7.0.0", true)]
    [DataRow("<1.0.0 || >=2.0.0", "1.5.0", false)]
    [DataRow("1.0.0-rc.2", "1.0.0-rc.2", true)]
    public void RangesFollowNpmSemantics(string range, string version, bool expected)
    {
        Assert.IsTrue(VersionConstraint.TryParse(range, out var c));
        Assert.IsTrue(SemanticVersion.TryParse(version, out var v));
        Assert.AreEqual(expected, c.IsSatisfiedBy(v));
    }

    [TestMethod]
    public void MarketplaceReadsDependenciesFromPluginJsonAndAgentpluginProjects()
    {
        using var dir = new TempDir();
        dir.Write(".claude-plugin/marketplace.json", """
            {
              "name": "m", "owner": { "name": "o" },
              "plugins": [
                { "name": "core", "source": "./plugins/core" },
                { "name": "ops", "source": "./plugins/ops" },
                { "name": "meta", "source": "./plugins/meta" }
              ]
            }
            """);
        dir.Write("plugins/core/.claude-plugin/plugin.json", "{ \"name\": \"core\", \"version\": \"1.0.0\" }");
        dir.Write("plugins/ops/.claude-plugin/plugin.json", "{\n  \"name\": \"ops\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": [\n    { \"name\": \"core\", \"version\": \"^2.0.0\" }\n  ]\n}");
        dir.Write("plugins/meta/meta.agentplugin", "<Project Sdk=\"AgentOps.Marketplace.Sdk\">\n  <PropertyGroup><Version>0.1.0</Version></PropertyGroup>\n  <ItemGroup>\n    <PluginDependency Include=\"nowhere\" Version=\"^1.0.0\" />\n  </ItemGroup>\n</Project>");
        var d = MarketplaceFolderValidator.Validate(dir.Path);
        var unmet = Expect.Has(d, DiagnosticCodes.DependencyVersionUnsatisfied, 5);
        StringAssert.EndsWith(unmet.File, "plugin.json");
        var missing = Expect.Has(d, DiagnosticCodes.DependencyMissing, 4);
        StringAssert.EndsWith(missing.File, "meta.agentplugin");
    }
}
