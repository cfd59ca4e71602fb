using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;
using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Hostile;

/// <summary>Hostile plugin content the build's validator (the same one `agentops validate` runs) once let through:
/// an .mcp.json that is not an object, an MCP file listed in plugin.json and never read, a link to the folder that
/// holds it, a link to a FIFO kept outside the plugin.</summary>
[TestClass]
public sealed class HostilePluginFolderTests
{
    private static string Plugin(TempDir dir, string manifest = """{ "name": "p", "version": "1.0.0", "description": "A plugin for tests" }""")
    {
        dir.Write("p/.claude-plugin/plugin.json", manifest);
        dir.Write("p/commands/hello.md", "---\ndescription: Say hello\n---\nHello.\n");
        return dir.File("p");
    }

    [TestMethod]
    [DataRow("[]", 1, "an array", DiagnosticSeverity.Warning)]
    [DataRow("[{\"mcpServers\": {}}]", 1, "an array", DiagnosticSeverity.Warning)]
    [DataRow("\"servers\"", 1, "a string", DiagnosticSeverity.Error)]
    [DataRow("42", 1, "a number", DiagnosticSeverity.Error)]
    public void An_mcp_json_that_is_not_an_object_is_reported_at_its_root(string json, int line, string what, DiagnosticSeverity severity)
    {
        // Before: accepted without a word. Claude Code loads no server from it: it refuses a string or a number (an error
        // here too) and accepts an array (a warning: the conformance corpus holds the CLI to that).
        using var dir = new TempDir();
        var plugin = Plugin(dir);
        var mcp = dir.Write("p/.mcp.json", json + "\n");
        var d = Expect.Has(PluginFolderValidator.Validate(plugin), DiagnosticCodes.SchemaWrongType, line);
        Assert.AreEqual(mcp, d.File);
        Assert.AreEqual(severity, d.Severity);
        StringAssert.Contains(d.Message, what);
    }

    [TestMethod]
    public void An_mcp_file_plugin_json_lists_is_checked_like_the_default_one()
    {
        // The SDK lists a PluginMcpServers file outside .mcp.json in plugin.json; before, only .mcp.json was read.
        using var dir = new TempDir();
        var plugin = Plugin(dir, """{ "name": "p", "version": "1.0.0", "description": "A plugin for tests", "mcpServers": "./config/servers.json" }""");
        var listed = dir.Write("p/config/servers.json", "{\n  \"mcpServers\": {\n    \"db\": { \"command\": 5 }\n  }\n}\n");
        var found = PluginFolderValidator.Validate(plugin);
        var d = Expect.Has(found, DiagnosticCodes.SchemaWrongType, 3);
        Assert.AreEqual(listed, d.File);
        StringAssert.Contains(d.Message, "mcpServers.db");
    }

    [TestMethod]
    public void A_link_to_the_folder_that_holds_it_is_a_loop_at_the_link()
    {
        // Before: accepted (it resolves inside the plugin), and `dotnet pack` copied self/self/self/… until the path was too long.
        using var dir = new TempDir();
        var plugin = Plugin(dir);
        var self = dir.Link("p/self", ".");
        var up = dir.Link("p/commands/up", "..");
        var found = PluginFolderValidator.Validate(plugin);
        Assert.IsTrue(found.Any(d => d.Code == DiagnosticCodes.SymlinkLoop && d.File == self && d.Line == 1), string.Join("\n", found));
        Assert.IsTrue(found.Any(d => d.Code == DiagnosticCodes.SymlinkLoop && d.File == up && d.Line == 1), string.Join("\n", found));
    }

    [TestMethod]
    public void A_dead_link_among_the_plugin_folders_is_reported_at_the_link()
    {
        // Before: plugins/<x> that loops or points nowhere was no folder to any listing, so a plugin meant to be behind
        // it left the marketplace (and the build's plugins/*/*.agentplugin glob) without a word.
        using var dir = new TempDir();
        dir.Write(".claude-plugin/marketplace.json", """{ "name": "m", "owner": { "name": "o" }, "description": "A marketplace", "plugins": [ { "name": "p", "source": "./plugins/p", "description": "A plugin for tests" } ] }""");
        dir.Write("plugins/p/.claude-plugin/plugin.json", """{ "name": "p" }""");
        dir.Write("plugins/p/commands/hello.md", "---\ndescription: Say hello\n---\nHello.\n");
        var loop = dir.Link("plugins/loop", "loop");
        var broken = dir.Link("plugins/broken", "nowhere");
        var up = dir.Link("plugins/up", "../plugins");
        dir.Link("plugins/alias", "p"); // a link to a real plugin folder inside the marketplace is fine

        var found = MarketplaceFolderValidator.Validate(dir.Path);

        Assert.IsTrue(found.Any(d => d.Code == DiagnosticCodes.SymlinkLoop && d.File == loop && d.IsError), string.Join("\n", found));
        Assert.IsTrue(found.Any(d => d.Code == DiagnosticCodes.SymlinkBroken && d.File == broken), string.Join("\n", found));
        Assert.IsTrue(found.Any(d => d.Code == DiagnosticCodes.SymlinkLoop && d.File == up), string.Join("\n", found));
        Assert.AreEqual(3, found.Count(d => d.Code is DiagnosticCodes.SymlinkLoop or DiagnosticCodes.SymlinkBroken or DiagnosticCodes.SymlinkEscapes), string.Join("\n", found));
    }

    [TestMethod]
    public void A_link_to_a_sibling_folder_is_still_fine()
    {
        using var dir = new TempDir();
        var plugin = Plugin(dir);
        dir.Write("p/common/notes.md", "Notes.\n");
        dir.Link("p/docs", "common");
        Expect.None(PluginFolderValidator.Validate(plugin), DiagnosticCodes.SymlinkLoop);
    }

    [TestMethod]
    public void A_link_to_a_fifo_outside_the_plugin_is_refused_at_the_link()
    {
        if (OperatingSystem.IsWindows()) Assert.Inconclusive("no FIFOs on Windows");
        // The walk never enters links, so a FIFO beside the plugin (inside the marketplace) went unseen until the pack hung on it.
        using var dir = new TempDir();
        var plugin = Plugin(dir);
        HostileFiles.Mkfifo(dir.File("pipe"));
        var link = dir.Link("p/notes.md", "../pipe");
        var found = PluginFolderValidator.Validate(plugin, [plugin, dir.Path]);
        Assert.IsTrue(found.Any(d => d.Code == DiagnosticCodes.NotRegularFile && d.File == link && d.Line == 1), string.Join("\n", found));
    }

    [TestMethod]
    public void A_hook_script_path_that_climbs_out_of_the_plugin_is_named()
    {
        // Before: a `..` in the path after ${CLAUDE_PLUGIN_ROOT} skipped every script check, silently.
        using var dir = new TempDir();
        var plugin = Plugin(dir);
        dir.Write("outside.sh", "#!/bin/sh\necho hi\n");
        var hooks = dir.Write("p/hooks/hooks.json",
            "{\n  \"hooks\": {\n    \"Stop\": [ { \"hooks\": [ {\n      \"type\": \"command\",\n      \"command\": \"\\\"${CLAUDE_PLUGIN_ROOT}/../outside.sh\\\"\"\n    } ] } ]\n  }\n}\n");
        var d = Expect.Has(PluginFolderValidator.Validate(plugin), DiagnosticCodes.HookScriptMissing, 5);
        Assert.AreEqual(hooks, d.File);
        StringAssert.Contains(d.Message, "climbs out");
    }

    [TestMethod]
    public void A_hook_script_path_with_dots_that_stays_inside_is_checked_as_usual()
    {
        using var dir = new TempDir();
        var plugin = Plugin(dir);
        var script = dir.Write("p/scripts/run.sh", "#!/bin/sh\necho hi\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, File.GetUnixFileMode(script) | UnixFileMode.UserExecute);
        dir.Write("p/hooks/hooks.json",
            "{ \"hooks\": { \"Stop\": [ { \"hooks\": [ { \"type\": \"command\", \"command\": \"\\\"${CLAUDE_PLUGIN_ROOT}/hooks/../scripts/run.sh\\\"\" } ] } ] } }\n");
        Expect.None(PluginFolderValidator.Validate(plugin), DiagnosticCodes.HookScriptMissing);
    }

    [TestMethod]
    public void Components_behind_symbolic_links_are_validated_like_the_others()
    {
        // Before: a linked commands/ folder, a linked skill folder and a command file that is a link were skipped by the
        // frontmatter checks, so `dotnet build` passed; Claude Code, the pack and the MSBuild globs all follow them.
        using var dir = new TempDir();
        var plugin = Plugin(dir);
        Directory.Delete(dir.File("p/commands"), recursive: true);
        dir.Write("p/real-commands/bad.md", "---\ndescription: [unclosed\n---\nx\n");
        dir.Link("p/commands", "real-commands");
        dir.Write("p/common/agent.md", "---\nname: linked\ndescription: Use when linked\nmodel: gpt-4\n---\nx\n");
        dir.Link("p/agents/linked.md", "../common/agent.md");
        dir.Write("p/common-skill/SKILL.md", "---\ndescription: Use when linked\n---\nx\n");
        dir.Link("p/skills/linked-skill", "../common-skill");

        var found = PluginFolderValidator.Validate(plugin);
        Assert.AreEqual(dir.File("p/commands/bad.md"), Expect.Has(found, DiagnosticCodes.FrontmatterSyntax, 3).File);
        Assert.AreEqual(dir.File("p/agents/linked.md"), Expect.Has(found, DiagnosticCodes.UnknownModel, 4).File);
        Assert.IsTrue(found.Any(d => d.Code == DiagnosticCodes.ComponentFieldMissing && d.File == dir.File("p/skills/linked-skill/SKILL.md")), string.Join("\n", found));
    }

    [TestMethod]
    public void A_component_folder_linked_outside_the_plugin_is_not_walked()
    {
        using var dir = new TempDir();
        var plugin = Plugin(dir);
        Directory.Delete(dir.File("p/commands"), recursive: true);
        dir.Write("elsewhere/bad.md", "---\ndescription: [unclosed\n---\nx\n");
        dir.Link("p/commands", "../elsewhere");
        var found = PluginFolderValidator.Validate(plugin);
        Expect.None(found, DiagnosticCodes.FrontmatterSyntax);
        Assert.IsTrue(found.Any(d => d.Code == DiagnosticCodes.SymlinkEscapes && d.File == dir.File("p/commands")), string.Join("\n", found));
    }
}
