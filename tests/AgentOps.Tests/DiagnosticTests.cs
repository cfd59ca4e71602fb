using AgentOps.Core.Diagnostics;

namespace AgentOps.Tests;

[TestClass]
public sealed class DiagnosticTests
{
    [TestMethod]
    public void CanonicalFormNamesFileLineColumnAndCode()
    {
        var d = new Diagnostic("AOP0001", DiagnosticSeverity.Error, "plugins/x/.claude-plugin/plugin.json", 3, 5, "bad");
        Assert.AreEqual("plugins/x/.claude-plugin/plugin.json(3,5): error AOP0001: bad", d.ToString());
    }
}
