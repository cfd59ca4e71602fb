using AgentOps.Tests.Build;

namespace AgentOps.Tests.Hostile;

/// <summary>`dotnet build` / `dotnet pack` of a marketplace whose plugins are hostile: each ends with the finding at
/// file(line,col) and an AOP code: no task crash (MSB4018), no MSBuild wildcard error, no hang, no half pack.</summary>
[TestClass]
[TestCategory("Build")]
public sealed class HostileMarketplaceBuildTests
{
    private static void NoCrash(ProcessRunner.Output build)
    {
        Assert.IsFalse(build.All.Contains("MSB4018", StringComparison.Ordinal), "a task crashed:\n" + build.All);
        Assert.IsFalse(build.All.Contains("MSB5029", StringComparison.Ordinal), "a wildcard enumerated the drive:\n" + build.All);
    }

    private static void Expect(ProcessRunner.Output build, string file, string code)
    {
        var found = TempMarketplace.Diagnostics(build.All);
        Assert.IsTrue(found.Any(d => d.File == file && d.Code == code && d.Line >= 1 && d.Column >= 1 && d.Severity == "error"),
            $"expected {file}(line,col): error {code}; got:\n" + build.All);
    }

    [TestMethod]
    public void A_folder_where_plugin_json_is_generated_fails_at_that_path()
    {
        // Before: GeneratePluginManifest failed unexpectedly (MSB4018, IOException "Is a directory").
        RepoMarketplace.EnsurePacked();
        using var mkt = new TempMarketplace();
        mkt.Plugin("walled");
        var manifest = Path.Combine(mkt.Root, "plugins", "walled", ".claude-plugin", "plugin.json");
        Directory.CreateDirectory(manifest);

        var build = mkt.Build();
        Assert.AreNotEqual(0, build.ExitCode, build.All);
        NoCrash(build);
        Expect(build, manifest, "AOP0400");
    }

    [TestMethod]
    public void An_empty_plugins_folder_packs_an_empty_marketplace()
    {
        // Before: MSB5029, the pack's "%(plugin)/**" expanded to "/**" (every file on the drive) and failed the pack.
        RepoMarketplace.EnsurePacked();
        using var mkt = new TempMarketplace();
        Directory.CreateDirectory(Path.Combine(mkt.Root, "plugins"));

        var pack = mkt.Build("pack");
        NoCrash(pack);
        Assert.AreEqual(0, pack.ExitCode, pack.All);
        Assert.IsTrue(TempMarketplace.Diagnostics(pack.All).Any(d => d.Code == "AOP0705"), pack.All);
        Assert.IsTrue(File.Exists(Path.Combine(mkt.Root, "artifacts", "marketplace", ".claude-plugin", "marketplace.json")), pack.All);
    }

    [TestMethod]
    public void A_fifo_in_a_plugin_fails_the_pack_at_the_fifo_and_packs_nothing()
    {
        if (OperatingSystem.IsWindows()) Assert.Inconclusive("no FIFOs on Windows");
        // Before: validation reported AOP0408, the marketplace went on to pack anyway, and File.Copy blocked on the FIFO forever.
        RepoMarketplace.EnsurePacked();
        using var mkt = new TempMarketplace();
        mkt.Plugin("piped");
        var fifo = Path.Combine(mkt.Root, "plugins", "piped", "commands", "pipe.md");
        HostileFiles.Mkfifo(fifo);

        var pack = mkt.Build("pack");
        Assert.AreNotEqual(0, pack.ExitCode, pack.All);
        NoCrash(pack);
        Expect(pack, fifo, "AOP0408");
        Assert.IsFalse(Directory.Exists(Path.Combine(mkt.Root, "artifacts", "marketplace")), "a plugin that failed must not be packed");
    }

    [TestMethod]
    public void A_link_to_the_plugin_itself_fails_at_the_link_even_when_the_loop_rule_is_off()
    {
        // Before: validation accepted `self -> .`, and the pack copied self/self/self/… until the path was too long
        // (AOP0704 at the marketplace root, with no line). Now validation says AOP0406 at the link; with the rule
        // lowered to none, the pack itself refuses the link there instead of recursing.
        RepoMarketplace.EnsurePacked();
        using var mkt = new TempMarketplace();
        mkt.Plugin("mirror");
        var link = Path.Combine(mkt.Root, "plugins", "mirror", "self");
        File.CreateSymbolicLink(link, ".");

        var build = mkt.Build();
        Assert.AreNotEqual(0, build.ExitCode, build.All);
        NoCrash(build);
        Expect(build, link, "AOP0406");

        var pack = ProcessRunner.Dotnet(mkt.Root, "pack", mkt.ProjectFile, "-nologo", "-p:AgentOpsDiagnosticSeverity=AOP0406=none");
        Assert.AreNotEqual(0, pack.ExitCode, pack.All);
        NoCrash(pack);
        Expect(pack, link, "AOP0406");
        Assert.IsFalse(pack.All.Contains("AOP0704", StringComparison.Ordinal), "the pack must not recurse into the link:\n" + pack.All);
        Assert.IsFalse(Directory.Exists(Path.Combine(mkt.Root, "artifacts", "marketplace")), "no half marketplace");
    }

    [TestMethod]
    public void An_mcp_json_string_fails_the_build_at_the_file()
    {
        // Before: the build passed; Claude Code refuses an .mcp.json that is a string, and loads no server from it.
        RepoMarketplace.EnsurePacked();
        using var mkt = new TempMarketplace();
        mkt.Plugin("servers");
        var mcp = mkt.Write("plugins/servers/.mcp.json", "\"servers\"\n");

        var build = mkt.Build();
        Assert.AreNotEqual(0, build.ExitCode, build.All);
        NoCrash(build);
        Expect(build, mcp, "AOP0002");
    }

    [TestMethod]
    public void A_fifo_readme_or_a_license_folder_at_the_root_fails_the_pack_at_that_file()
    {
        if (OperatingSystem.IsWindows()) Assert.Inconclusive("no FIFOs on Windows");
        // Before: README.md as a FIFO hung the pack in File.Copy; LICENSE as a folder failed it with AOP0704 at the root.
        RepoMarketplace.EnsurePacked();
        using var mkt = new TempMarketplace();
        mkt.Plugin("plain");
        var readme = Path.Combine(mkt.Root, "README.md");
        File.Delete(readme);
        HostileFiles.Mkfifo(readme);
        var license = Path.Combine(mkt.Root, "LICENSE");
        Directory.CreateDirectory(license);

        var pack = mkt.Build("pack");
        Assert.AreNotEqual(0, pack.ExitCode, pack.All);
        NoCrash(pack);
        Expect(pack, readme, "AOP0408");
        Expect(pack, license, "AOP0400");
        Assert.IsFalse(Directory.Exists(Path.Combine(mkt.Root, "artifacts", "marketplace")), "no half marketplace");
    }

    [TestMethod]
    public void Two_plugin_projects_in_one_folder_fail_at_both_projects()
    {
        // Before: the build passed with two entries on one folder, whose one plugin.json the last project to build wrote.
        RepoMarketplace.EnsurePacked();
        using var mkt = new TempMarketplace();
        mkt.Plugin("first");
        var second = mkt.Write("plugins/first/second.agentplugin", File.ReadAllText(Path.Combine(mkt.Root, "plugins", "first", "first.agentplugin")));

        var build = mkt.Build();
        Assert.AreNotEqual(0, build.ExitCode, build.All);
        NoCrash(build);
        Expect(build, Path.Combine(mkt.Root, "plugins", "first", "first.agentplugin"), "AOP0707");
        Expect(build, second, "AOP0707");
    }

    [TestMethod]
    public void A_command_folder_deeper_than_the_file_system_takes_is_named_not_a_missing_glob()
    {
        // Before: MSBuild could not walk commands/**/*.md, left the glob as it was, and the build said
        // "PluginCommand 'commands/**/*.md' ... does not exist" (AOP0706) and stopped there.
        RepoMarketplace.EnsurePacked();
        using var mkt = new TempMarketplace();
        mkt.Plugin("deep");
        var deep = string.Join('/', Enumerable.Repeat("dddddddddddd", 350)); // 4,549 characters
        Assert.AreEqual(0, ProcessRunner.Run("mkdir", Path.Combine(mkt.Root, "plugins", "deep", "commands"), TimeSpan.FromSeconds(30), null, "-p", deep).ExitCode, "mkdir -p");
        try
        {
            var build = mkt.Build();
            Assert.AreNotEqual(0, build.ExitCode, build.All);
            NoCrash(build);
            var found = TempMarketplace.Diagnostics(build.All);
            Assert.IsFalse(found.Any(d => d.Code == "AOP0706"), "an unwalkable glob is not a missing file:\n" + build.All);
            Assert.IsTrue(found.Any(d => d.Code == "AOP0409" && d.Severity == "error" && d.Line >= 1), build.All);
        }
        finally
        {
            ProcessRunner.Run("rm", Path.GetTempPath(), TimeSpan.FromSeconds(60), null, "-rf", Path.Combine(mkt.Root, "plugins", "deep", "commands"));
        }
    }

    [TestMethod]
    public void A_fifo_where_the_build_keeps_its_inputs_file_does_not_stop_the_build()
    {
        if (OperatingSystem.IsWindows()) Assert.Inconclusive("no FIFOs on Windows");
        // Before: WriteInputsCache read obj/agentops/plugin-manifest.inputs to compare it, and blocked on the FIFO forever.
        RepoMarketplace.EnsurePacked();
        using var mkt = new TempMarketplace();
        mkt.Plugin("stale");
        var inputs = Path.Combine(mkt.Root, "plugins", "stale", "obj", "agentops", "plugin-manifest.inputs");
        Directory.CreateDirectory(Path.GetDirectoryName(inputs)!);
        HostileFiles.Mkfifo(inputs);

        var build = mkt.Build();
        NoCrash(build);
        Assert.AreEqual(0, build.ExitCode, build.All);
        Assert.AreEqual(AgentOps.Core.Security.FileType.Regular, AgentOps.Core.Security.FileKind.Of(inputs), "the FIFO is replaced by the inputs file");
    }
}
