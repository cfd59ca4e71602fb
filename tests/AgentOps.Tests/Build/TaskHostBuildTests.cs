namespace AgentOps.Tests.Build;

/// <summary>
/// Visual Studio's MSBuild (.NET Framework) runs the SDK's .NET tasks in a .NET task host (Sdk.targets picks
/// Runtime="NET" when MSBuildRuntimeType is Full). AgentOpsTaskHost=true takes the same path under dotnet build, so
/// this proves the task host declarations load every task and report at file(line,col) as in process.
/// </summary>
[TestClass]
[TestCategory("Build")]
public sealed class TaskHostBuildTests
{
    [TestMethod]
    public void Tasks_run_in_the_dotnet_task_host_and_report_at_file_line_col()
    {
        RepoMarketplace.EnsurePacked();
        using var mkt = new TempMarketplace();
        mkt.Plugin("hosted");
        var agent = mkt.Write("plugins/hosted/agents/bad.md", "---\nname: bad\ndescription: An agent.\nmodel: gpt-4\n---\nBody\n");

        var build = ProcessRunner.Dotnet(mkt.Root, "build", mkt.ProjectFile, "-nologo", "-p:AgentOpsTaskHost=true", "-v:d");

        Assert.AreNotEqual(0, build.ExitCode, "the bad model must fail the build:\n" + build.All);
        StringAssert.Contains(build.All, "in an external task host with a runtime of \"NET\"");
        Assert.IsTrue(TempMarketplace.Diagnostics(build.All).Any(d => d.File == agent && d.Code == "AOP0107" && d.Line == 4),
            "expected bad.md(4,..): error AOP0107 from the task host, got:\n" + build.All);

        // The same declarations without the property: the tasks load in the build's own process, same finding.
        var inProcess = ProcessRunner.Dotnet(mkt.Root, "build", mkt.ProjectFile, "-nologo", "-v:d");
        Assert.AreNotEqual(0, inProcess.ExitCode, inProcess.All);
        Assert.IsFalse(inProcess.All.Contains("in an external task host", StringComparison.Ordinal), "dotnet build runs the tasks in process:\n" + inProcess.All);
        Assert.IsTrue(TempMarketplace.Diagnostics(inProcess.All).Any(d => d.File == agent && d.Code == "AOP0107" && d.Line == 4), inProcess.All);
    }
}
