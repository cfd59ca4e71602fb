namespace AgentOps.Tests.Build;

/// <summary>
/// The repo's own core/ link check (eng/RepoChecks.targets, not part of the SDK) as a build sees it: the links'
/// state is an input, so a link turned into a file or re-pointed fails the very next build, and a build with
/// no change skips the check. Run on a small marketplace that imports the repo's targets the way the repo's does.
/// </summary>
[TestClass]
[TestCategory("Build")]
public sealed class CoreLinksBuildTests
{
    private static readonly string[] Links = ["commands", "agents", "workflows", "skills"];

    [TestMethod]
    public void A_link_changed_after_a_green_build_fails_the_next_build_until_it_is_restored()
    {
        RepoMarketplace.EnsurePacked();
        using var mkt = CoreMarketplace();
        var skills = Path.Combine(mkt.Root, "core", "skills");

        Assert.AreEqual(1, Build(mkt).Ran("ValidateCoreLinks").Count, "the first build checks the links");
        Assert.AreEqual(1, Build(mkt).Skipped("ValidateCoreLinks").Count, "no change: the check is skipped");

        File.Delete(skills);
        File.WriteAllText(skills, "a file where the link was\n");
        ExpectFailure(mkt, "AOP0422", skills, line: 1);

        File.Delete(skills);
        File.CreateSymbolicLink(skills, "../plugins/agentops-core/agents");
        ExpectFailure(mkt, "AOP0422", skills, line: 1);

        File.Delete(skills);
        ExpectFailure(mkt, "AOP0420", skills, line: 0);

        File.CreateSymbolicLink(skills, "../plugins/agentops-core/skills");
        var restored = Build(mkt);
        Assert.AreEqual(1, restored.Ran("ValidateCoreLinks").Count, "restoring the link is a change too");
    }

    private static TempMarketplace CoreMarketplace()
    {
        var mkt = new TempMarketplace("core-links");
        var checks = Path.Combine(RepoMarketplace.Root, "eng");
        mkt.Write(mkt.ProjectFile, $"""
            <Project Sdk="AgentOps.Marketplace.Sdk/1.0.0">
              <PropertyGroup>
                <MarketplaceName>core-links</MarketplaceName>
                <MarketplaceOwnerName>Test Owner</MarketplaceOwnerName>
                <MarketplaceDescription>A marketplace with the repo's core/ compatibility links.</MarketplaceDescription>
                <CustomAfterAgentOpsSdkTargets>{checks}/RepoChecks.targets</CustomAfterAgentOpsSdkTargets>
                <AgentOpsRepoChecksAssembly>{checks}/RepoChecks/bin/Debug/net10.0/AgentOps.RepoChecks.dll</AgentOpsRepoChecksAssembly>
              </PropertyGroup>
            </Project>
            """);
        mkt.Plugin("agentops-core");
        foreach (var name in Links)
        {
            Directory.CreateDirectory(Path.Combine(mkt.Root, "plugins", "agentops-core", name));
            mkt.Write($"plugins/agentops-core/{name}/.keep", "");
        }
        mkt.Write("plugins/agentops-core/agents/helper.md", "---\nname: helper\ndescription: Helps with the tests of the core links\n---\nHelp.\n");
        Directory.CreateDirectory(Path.Combine(mkt.Root, "core"));
        foreach (var name in Links)
            File.CreateSymbolicLink(Path.Combine(mkt.Root, "core", name), $"../plugins/agentops-core/{name}");
        return mkt;
    }

    private static TargetLog Build(TempMarketplace mkt)
    {
        var output = ProcessRunner.Dotnet(mkt.Root, "build", mkt.ProjectFile, "-nologo", "-v:d", "-m:1");
        Assert.AreEqual(0, output.ExitCode, output.All);
        return new TargetLog(output.StdOut);
    }

    /// <param name="line">Where the build reports it: 1 when there is a file or link to open, 0 when nothing is there.</param>
    private static void ExpectFailure(TempMarketplace mkt, string code, string file, int line)
    {
        var build = mkt.Build();
        Assert.AreNotEqual(0, build.ExitCode, $"expected {code}, the build passed:\n{build.All}");
        Assert.IsTrue(TempMarketplace.Diagnostics(build.All).Any(d => d.Code == code && d.File == file && d.Line == line && d.Severity == "error"), build.All);
    }
}
