namespace AgentOps.Tests.Build;

/// <summary>`dotnet build` on broken plugins: every problem is an MSBuild error at file(line,col), the
/// build ends (no hang, no crash), and the real CLI rejects what we reject.</summary>
[TestClass]
[TestCategory("Build")]
public sealed class BrokenPluginBuildTests
{
    [TestMethod]
    public void Hooks_without_the_wrapper_fail_our_build_and_claude_validate()
    {
        RepoMarketplace.EnsurePacked();
        using var mkt = new TempMarketplace();
        mkt.Plugin("hooked");
        var hooks = mkt.Write("plugins/hooked/hooks/hooks.json",
            "{\n  \"SessionStart\": [ { \"hooks\": [ { \"type\": \"command\", \"command\": \"echo hi\" } ] } ]\n}\n");

        var build = mkt.Build();
        Assert.AreNotEqual(0, build.ExitCode, "the build must fail");
        var found = TempMarketplace.Diagnostics(build.All);
        Assert.IsTrue(found.Any(d => d.File == hooks && d.Code == "AOP0501" && d.Line >= 1 && d.Severity == "error"),
            "expected hooks.json(line,col): error AOP0501, got:\n" + build.All);

        ClaudePluginCli.RequireInstalled();
        using var cli = new ClaudePluginCli();
        var verdict = cli.Validate(Path.Combine(mkt.Root, "plugins", "hooked"));
        Assert.IsFalse(verdict.Success, "claude plugin validate must reject it too:\n" + verdict.Raw);
    }

    [TestMethod]
    public void Bad_input_of_every_kind_is_reported_at_its_file_and_line()
    {
        RepoMarketplace.EnsurePacked();
        using var mkt = new TempMarketplace();
        mkt.Plugin("bad-files");
        var yaml = mkt.Write("plugins/bad-files/agents/broken.md", "---\nname: broken\ndescription: [unclosed\n---\nBody\n");
        var empty = mkt.Write("plugins/bad-files/commands/empty.md", "");
        var binary = mkt.WriteBytes("plugins/bad-files/commands/binary.md", [0x2D, 0x2D, 0x2D, 0x0A, 0x00, 0x01, 0x02]);
        var latin1 = mkt.WriteBytes("plugins/bad-files/commands/latin1.md", [.. "---\ndescription: caf"u8.ToArray(), 0xE9, 0x0A, .. "---\nx\n"u8.ToArray()]);
        var huge = Path.Combine(mkt.Root, "plugins/bad-files/commands/huge.md");
        using (var stream = File.Create(huge)) stream.SetLength(50L * 1024 * 1024);
        var loop = Path.Combine(mkt.Root, "plugins/bad-files/loop-a");
        File.CreateSymbolicLink(loop, "loop-b");
        File.CreateSymbolicLink(Path.Combine(mkt.Root, "plugins/bad-files/loop-b"), "loop-a");
        var json = mkt.Write("plugins/bad-files/hooks/hooks.json", "{\n  \"hooks\": {\n    \"Stop\": [ }\n}\n");

        // Two projects claiming one name, and a dependency on a plugin that does not exist.
        mkt.Plugin("twin-a", "<PropertyGroup><PluginName>twin</PluginName></PropertyGroup>");
        mkt.Plugin("twin-b", "<PropertyGroup><PluginName>twin</PluginName></PropertyGroup>");
        // A host Claude Code's sandbox would not take (a URL): an error at the property, not a manifest the CLI half-ignores.
        mkt.Plugin("net-url", "<PropertyGroup>\n    <PluginNetworkHosts>https://api.example.com/v1</PluginNetworkHosts>\n  </PropertyGroup>");

        var build = mkt.Build();
        Assert.AreNotEqual(0, build.ExitCode);
        var found = TempMarketplace.Diagnostics(build.All);
        void Expect(string file, string code, int line) =>
            Assert.IsTrue(found.Any(d => d.File == file && d.Code == code && d.Line == line),
                $"expected {file}({line},..): {code}; got:\n" + string.Join('\n', found));
        Expect(yaml, "AOP0100", 4); // YamlDotNet reports where the flow sequence was found unclosed
        Expect(empty, "AOP0401", 1);
        Expect(binary, "AOP0402", 2);
        Expect(latin1, "AOP0403", 2);
        Expect(huge, "AOP0404", 1);
        Expect(json, "AOP0001", 3);
        Assert.IsTrue(found.Any(d => d.Code == "AOP0406" && d.File.StartsWith(Path.Combine(mkt.Root, "plugins/bad-files/loop-"), StringComparison.Ordinal)),
            "symlink loop: " + string.Join('\n', found));
        Assert.IsTrue(found.Count(d => d.Code == "AOP0702") >= 2, "duplicate plugin name at both projects:\n" + build.All);
        Assert.IsTrue(found.Any(d => d.Code == "AOP0012" && d.File.EndsWith("net-url.agentplugin", StringComparison.Ordinal) && d.Line > 1),
            "PluginNetworkHosts with a URL at its line:\n" + string.Join('\n', found));
        Assert.IsFalse(build.All.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase), build.All);
    }

    [TestMethod]
    public void Dependency_cycle_missing_plugin_and_unmet_range_are_named()
    {
        RepoMarketplace.EnsurePacked();
        using var mkt = new TempMarketplace();
        mkt.Plugin("alpha", """<ItemGroup><PluginDependency Include="beta" Version="^1.0.0" /><PluginDependency Include="ghost" /></ItemGroup>""");
        mkt.Plugin("beta", """<ItemGroup><PluginDependency Include="alpha" Version="^2.0.0" /></ItemGroup>""");

        var build = mkt.Build();
        Assert.AreNotEqual(0, build.ExitCode);
        var found = TempMarketplace.Diagnostics(build.All);
        var alpha = Path.Combine(mkt.Root, "plugins", "alpha", "alpha.agentplugin");
        var beta = Path.Combine(mkt.Root, "plugins", "beta", "beta.agentplugin");
        Assert.IsTrue(found.Any(d => d.Code == "AOP0300" && d.File == alpha && d.Message.Contains("ghost")), string.Join('\n', found));
        Assert.IsTrue(found.Any(d => d.Code == "AOP0301" && d.Message.Contains("alpha") && d.Message.Contains("beta")), string.Join('\n', found));
        Assert.IsTrue(found.Any(d => d.Code == "AOP0302" && d.File == beta && d.Line == 7), string.Join('\n', found));
    }

    [TestMethod]
    public void Removing_a_component_the_project_promises_fails_the_build_at_its_item()
    {
        RepoMarketplace.EnsurePacked();
        using var mkt = new TempMarketplace();
        mkt.Plugin("promised", """<ItemGroup><PluginCommand Include="commands/hello.md;commands/gone.md" /></ItemGroup>""");
        var build = mkt.Build();
        Assert.AreNotEqual(0, build.ExitCode);
        var project = Path.Combine(mkt.Root, "plugins", "promised", "promised.agentplugin");
        Assert.IsTrue(TempMarketplace.Diagnostics(build.All).Any(d => d.Code == "AOP0706" && d.File == project && d.Line == 7 && d.Message.Contains("commands/gone.md")), build.All);
    }
}
