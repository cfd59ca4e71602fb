using AgentOps.Cli.Commands;

namespace AgentOps.Tests.Validate;

[TestClass]
public sealed class TerminalOutputTests
{
    [TestMethod]
    public void ColumnsWinThenPipedOutputNeverWrapsThenTheTerminalWidth()
    {
        Assert.AreEqual(132, TerminalOutput.Width(redirected: true, columns: "132", terminalWidth: 80));
        Assert.AreEqual(60, TerminalOutput.Width(redirected: false, columns: "60", terminalWidth: 200));
        Assert.AreEqual(TerminalOutput.PipedWidth, TerminalOutput.Width(redirected: true, columns: null, terminalWidth: 80));
        Assert.AreEqual(TerminalOutput.PipedWidth, TerminalOutput.Width(redirected: true, columns: "wide", terminalWidth: 80));
        Assert.AreEqual(97, TerminalOutput.Width(redirected: false, columns: null, terminalWidth: 97));
    }
}
