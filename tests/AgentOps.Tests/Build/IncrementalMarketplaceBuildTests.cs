using System.Text.Json.Nodes;

namespace AgentOps.Tests.Build;

/// <summary>
/// Incremental correctness of the SDK's targets, tested as MSBuild tests its own: after each kind of change a
/// build redoes exactly the work that change calls for (read from the `-v:d` log) and its result is right, and a
/// build with no change does none. One marketplace (plugins alpha and beta) is shared by the class; every test
/// puts it back as it found it, and checks that undoing the change is picked up too.
/// </summary>
[TestClass]
[TestCategory("Build")]
public sealed class IncrementalMarketplaceBuildTests
{
    private static readonly string[] PluginTargets = ["GeneratePluginManifest", "ValidatePlugin"];
    private static readonly string[] MarketplaceTargets = ["GenerateMarketplaceManifest", "ValidateMarketplace"];
    private static TempMarketplace _mkt = null!;

    [ClassInitialize]
    public static void Create(TestContext _)
    {
        RepoMarketplace.EnsurePacked();
        _mkt = new TempMarketplace("incremental");
        _mkt.Plugin("alpha", """<ItemGroup><PluginCommand Include="extra/*.md" /></ItemGroup>""");
        _mkt.Plugin("beta");
        var first = Build();
        CollectionAssert.AreEqual(new[] { "alpha", "beta" }, first.Ran("GeneratePluginManifest").ToArray(), first.Text);
    }

    [ClassCleanup]
    public static void Remove() => _mkt?.Dispose();

    [TestMethod]
    public void A_build_with_no_change_does_no_work()
    {
        var log = Build();
        foreach (var target in PluginTargets)
            CollectionAssert.AreEqual(new[] { "alpha", "beta" }, log.Skipped(target).ToArray(), target);
        foreach (var target in PluginTargets.Concat(MarketplaceTargets))
            Assert.AreEqual(0, log.Ran(target).Count, $"{target} ran with nothing changed");
        Assert.IsFalse(log.Text.Contains("Generated ", StringComparison.Ordinal), "no manifest rewritten");
    }

    [TestMethod]
    public void An_added_plugin_is_built_and_listed_and_a_removed_one_leaves_the_marketplace()
    {
        _mkt.Plugin("gamma");
        var added = Build();
        CollectionAssert.AreEqual(new[] { "gamma" }, added.Ran("GeneratePluginManifest").ToArray(), "only the new plugin is generated");
        CollectionAssert.AreEqual(new[] { "gamma" }, added.Ran("ValidatePlugin").ToArray());
        ExpectMarketplaceRebuilt(added);
        CollectionAssert.AreEqual(new[] { "alpha", "beta", "gamma" }, Listed());

        Directory.Delete(Path.Combine(_mkt.Root, "plugins", "gamma"), recursive: true);
        var removed = Build();
        Assert.AreEqual(0, removed.Ran("GeneratePluginManifest").Count + removed.Ran("ValidatePlugin").Count, "the remaining plugins did not change");
        ExpectMarketplaceRebuilt(removed);
        CollectionAssert.AreEqual(new[] { "alpha", "beta" }, Listed(), "a deleted plugin must leave marketplace.json");
        var pack = _mkt.Build("pack");
        Assert.AreEqual(0, pack.ExitCode, "pack after removing a plugin:\n" + pack.All);
    }

    [TestMethod]
    public void A_renamed_plugin_is_listed_under_its_new_name()
    {
        var plugins = Path.Combine(_mkt.Root, "plugins");
        // A rename keeps every file's time (its obj/ moves along): only the changed names can tell.
        Directory.Move(Path.Combine(plugins, "beta"), Path.Combine(plugins, "delta"));
        File.Move(Path.Combine(plugins, "delta", "beta.agentplugin"), Path.Combine(plugins, "delta", "delta.agentplugin"));
        try
        {
            var renamed = Build();
            CollectionAssert.AreEqual(new[] { "delta" }, renamed.Ran("GeneratePluginManifest").ToArray());
            ExpectMarketplaceRebuilt(renamed);
            CollectionAssert.AreEqual(new[] { "alpha", "delta" }, Listed());
            Assert.AreEqual("delta", Manifest("delta")["name"]!.GetValue<string>());
        }
        finally
        {
            File.Move(Path.Combine(plugins, "delta", "delta.agentplugin"), Path.Combine(plugins, "delta", "beta.agentplugin"));
            Directory.Move(Path.Combine(plugins, "delta"), Path.Combine(plugins, "beta"));
        }
        var back = Build();
        CollectionAssert.AreEqual(new[] { "beta" }, back.Ran("GeneratePluginManifest").ToArray());
        CollectionAssert.AreEqual(new[] { "alpha", "beta" }, Listed());
    }

    [TestMethod]
    public void A_component_file_matched_by_a_glob_regenerates_only_its_plugin()
    {
        var extra = _mkt.Write("plugins/alpha/extra/deploy.md", "---\ndescription: Deploy the thing\n---\nDeploy $ARGUMENTS.\n");
        // Copied in with an old time, as git checkout or `cp -p` may leave it: only the glob's new result can tell.
        File.SetLastWriteTimeUtc(extra, DateTime.UtcNow.AddDays(-30));
        var added = Build();
        CollectionAssert.AreEqual(new[] { "alpha" }, added.Ran("GeneratePluginManifest").ToArray());
        CollectionAssert.AreEqual(new[] { "alpha" }, added.Ran("ValidatePlugin").ToArray());
        CollectionAssert.AreEqual(new[] { "./extra/deploy.md" }, Commands("alpha"));

        File.Delete(extra);
        var removed = Build();
        CollectionAssert.AreEqual(new[] { "alpha" }, removed.Ran("GeneratePluginManifest").ToArray());
        Assert.IsNull(Manifest("alpha")["commands"], "the deleted command is no longer listed");
    }

    [TestMethod]
    public void A_file_in_a_default_folder_revalidates_without_regenerating()
    {
        var command = _mkt.Write("plugins/beta/commands/later.md", "---\ndescription: Later\n---\nDo it later.\n");
        File.SetLastWriteTimeUtc(command, DateTime.UtcNow.AddDays(-30));
        var added = Build();
        Assert.AreEqual(0, added.Ran("GeneratePluginManifest").Count, "Claude Code finds commands/ itself: plugin.json does not change");
        CollectionAssert.AreEqual(new[] { "beta" }, added.Ran("ValidatePlugin").ToArray(), "the new file is validated");
        File.Delete(command);
        CollectionAssert.AreEqual(new[] { "beta" }, Build().Ran("ValidatePlugin").ToArray(), "a deleted file changes what is shipped");
    }

    [TestMethod]
    public void Deleting_a_script_a_hook_runs_is_reported_by_the_next_build()
    {
        var script = _mkt.Write("plugins/beta/scripts/check.sh", "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var hooks = _mkt.Write("plugins/beta/hooks/hooks.json",
            """{ "hooks": { "Stop": [ { "hooks": [ { "type": "command", "command": "\"${CLAUDE_PLUGIN_ROOT}/scripts/check.sh\"" } ] } ] } }""");
        try
        {
            var clean = _mkt.Build();
            Assert.AreEqual(0, clean.ExitCode, clean.All);
            Assert.IsFalse(TempMarketplace.Diagnostics(clean.All).Any(d => d.Code == "AOP0502"), clean.All);
            File.Delete(script);
            var broken = _mkt.Build();
            Assert.IsTrue(TempMarketplace.Diagnostics(broken.All).Any(d => d.Code == "AOP0502" && d.File == hooks),
                "a build after deleting the hook's script must not pass as up to date:\n" + broken.All);
        }
        finally
        {
            File.Delete(hooks);
            Directory.Delete(Path.GetDirectoryName(script)!, recursive: true);
        }
        Assert.AreEqual(0, _mkt.Build().ExitCode);
    }

    [TestMethod]
    public void Directory_Build_props_reaches_every_plugin_and_the_marketplace()
    {
        var props = _mkt.Write("Directory.Build.props", "<Project><PropertyGroup><PackageLicenseExpression>Apache-2.0</PackageLicenseExpression></PropertyGroup></Project>");
        try
        {
            var changed = Build();
            CollectionAssert.AreEqual(new[] { "alpha", "beta" }, changed.Ran("GeneratePluginManifest").ToArray());
            ExpectMarketplaceRebuilt(changed);
            Assert.AreEqual("Apache-2.0", Manifest("alpha")["license"]!.GetValue<string>());
            Assert.AreEqual("Apache-2.0", Manifest("beta")["license"]!.GetValue<string>());
            CollectionAssert.AreEqual(new[] { "alpha", "beta" }, Build().Skipped("GeneratePluginManifest").ToArray(), "and then nothing again");
        }
        finally { File.Delete(props); }
        var back = Build();
        CollectionAssert.AreEqual(new[] { "alpha", "beta" }, back.Ran("GeneratePluginManifest").ToArray(), "removing the file is a change too");
        Assert.IsNull(Manifest("alpha")["license"]);
    }

    [TestMethod]
    public void A_severity_changed_in_editorconfig_or_by_the_property_revalidates_with_the_new_severity()
    {
        // A command without description: AOP0104, a warning by default.
        var command = _mkt.Write("plugins/beta/commands/undescribed.md", "---\nargument-hint: \"[name]\"\n---\nGreet $ARGUMENTS.\n");
        var editorconfig = Path.Combine(_mkt.Root, ".editorconfig");
        try
        {
            Assert.AreEqual("warning", Severity(BuildWith(out _), command));

            File.WriteAllText(editorconfig, "root = true\n[*]\nagentops_diagnostic.AOP0104.severity = error\n");
            var raised = BuildWith(out var log);
            Assert.AreEqual("error", Severity(raised, command), "an .editorconfig added above the plugins is read:\n" + raised.All);
            CollectionAssert.AreEqual(new[] { "alpha", "beta" }, log.Ran("ValidatePlugin").ToArray(), "it sits above both plugins");

            File.WriteAllText(editorconfig, "root = true\n[*]\nagentops_diagnostic.AOP0104.severity = none\n");
            var off = BuildWith(out log);
            Assert.IsNull(Severity(off, command), "an edited .editorconfig is read:\n" + off.All);
            Assert.AreEqual(0, off.ExitCode, off.All);
            BuildWith(out log);
            Assert.AreEqual(0, log.Ran("ValidatePlugin").Count + log.Ran("ValidateMarketplace").Count, "no change: nothing is validated again");

            var forced = BuildWith(out log, "-p:AgentOpsDiagnosticSeverity=AOP0104=warning");
            Assert.AreEqual("warning", Severity(forced, command), "the property overrides the file:\n" + forced.All);
            CollectionAssert.AreEqual(new[] { "alpha", "beta" }, log.Ran("ValidatePlugin").ToArray());
            CollectionAssert.AreEqual(new[] { "incremental" }, log.Ran("ValidateMarketplace").ToArray());
            BuildWith(out log, "-p:AgentOpsDiagnosticSeverity=AOP0104=warning");
            Assert.AreEqual(0, log.Ran("ValidatePlugin").Count, "the same property again: nothing to do");

            File.Delete(editorconfig);
            var back = BuildWith(out log);
            Assert.AreEqual("warning", Severity(back, command), "a removed .editorconfig (and the property dropped) is seen too");
        }
        finally
        {
            File.Delete(editorconfig);
            File.Delete(command);
        }
        Build();
    }

    /// <summary>The severity AOP0104 is reported with for <paramref name="file"/>, or null when it is not reported.</summary>
    private static string? Severity(ProcessRunner.Output build, string file) =>
        TempMarketplace.Diagnostics(build.All).FirstOrDefault(d => d.Code == "AOP0104" && d.File == file).Severity;

    private static TargetLog Build()
    {
        var output = ProcessRunner.Dotnet(_mkt.Root, "build", _mkt.ProjectFile, "-nologo", "-v:d", "-m:1");
        Assert.AreEqual(0, output.ExitCode, output.All);
        return new TargetLog(output.StdOut);
    }

    /// <summary>A build that may fail (an error is what some tests expect), with its target log.</summary>
    private static ProcessRunner.Output BuildWith(out TargetLog log, params string[] properties)
    {
        var output = ProcessRunner.Dotnet(_mkt.Root, ["build", _mkt.ProjectFile, "-nologo", "-v:d", "-m:1", .. properties]);
        log = new TargetLog(output.StdOut);
        return output;
    }

    private static void ExpectMarketplaceRebuilt(TargetLog log)
    {
        foreach (var target in MarketplaceTargets)
            CollectionAssert.AreEqual(new[] { "incremental" }, log.Ran(target).ToArray(), target);
    }

    private static string[] Listed() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(_mkt.Root, ".claude-plugin", "marketplace.json")))!["plugins"]!.AsArray()
            .Select(p => p!["name"]!.GetValue<string>()).ToArray();

    private static JsonNode Manifest(string plugin) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(_mkt.Root, "plugins", plugin, ".claude-plugin", "plugin.json")))!;

    private static string[] Commands(string plugin) =>
        Manifest(plugin)["commands"]?.AsArray().Select(c => c!.GetValue<string>()).ToArray() ?? [];
}
