using AgentOps.Core.Validation;
using AgentOps.Tests.EndToEnd;

namespace AgentOps.Tests.Conformance;

/// <summary>
/// plugin.json inline <c>lspServers</c> judged by the real <c>claude plugin validate</c> (2.1.331) and by ours: each config
/// below is refused by both or by neither. A bad <c>.lsp.json</c> is where we are a superset: the CLI's validate does not
/// read the file (its loader then loads no server from it), we report it.
/// </summary>
[TestClass]
[TestCategory("ClaudeCli")]
public sealed class LspServersConformanceTests
{
    private const string Good = "\"command\": \"gopls\", \"extensionToLanguage\": { \".go\": \"go\" }";

    private static readonly string[] Servers =
    [
        Good,
        "\"command\": \"/opt/my tools/gopls\", \"extensionToLanguage\": { \".go\": \"go\" }",
        Good + ", \"transport\": \"socket\", \"maxRestarts\": 0, \"initializationOptions\": 5, \"settings\": {}",
        "\"extensionToLanguage\": { \".go\": \"go\" }",
        "\"command\": \"gopls serve\", \"extensionToLanguage\": { \".go\": \"go\" }",
        "\"command\": \"gopls\"",
        "\"command\": \"gopls\", \"extensionToLanguage\": {}",
        "\"command\": \"gopls\", \"extensionToLanguage\": { \"go\": \"go\" }",
        Good + ", \"bogus\": 1",
        Good + ", \"transport\": \"tcp\"",
        Good + ", \"startupTimeout\": 0",
        Good + ", \"env\": { \"PORT\": 8080 }",
        Good + ", \"args\": [\"\"]",
    ];

    private static string Folder(string root, string name, string servers, string? lspJson = null)
    {
        var folder = Path.Combine(root, name);
        Directory.CreateDirectory(Path.Combine(folder, ".claude-plugin"));
        File.WriteAllText(Path.Combine(folder, ".claude-plugin", "plugin.json"),
            $"{{\n  \"name\": \"lsp-plugin\",\n  \"version\": \"1.0.0\",\n  \"description\": \"A plugin\",\n  \"author\": {{ \"name\": \"me\" }},\n  \"lspServers\": {servers}\n}}\n");
        File.WriteAllText(Path.Combine(folder, "README.md"), "# lsp-plugin\n");
        if (lspJson is not null) File.WriteAllText(Path.Combine(folder, ".lsp.json"), lspJson);
        return folder;
    }

    [TestMethod]
    public void We_refuse_the_inline_lsp_servers_the_cli_refuses_and_no_other()
    {
        if (!ClaudeSession.IsInstalled) Assert.Inconclusive("run npm install --ignore-scripts in the repo root to get the pinned Claude Code CLI");
        var root = Path.Combine(Path.GetTempPath(), "aop-lsp-servers");
        var folders = Servers.Select((s, i) => Folder(root, $"case{i:00}", $"{{ \"go\": {{ {s} }} }}")).ToList();
        var wrapped = Folder(root, "wrapped-file", "{}", "{ \"lspServers\": { \"go\": { " + Good + " } } }");
        var verdicts = new ClaudeValidateRunner(ClaudeSession.BinaryPath, ConformanceTests.CacheDirectory).ValidateAll([.. folders, wrapped]);

        var disagreements = new List<string>();
        for (var i = 0; i < Servers.Length; i++)
        {
            var cli = verdicts[folders[i]];
            var ours = PluginFolderValidator.Validate(folders[i]).Where(d => d.IsError && d.Message.StartsWith("lspServers", StringComparison.Ordinal)).ToList();
            if (cli.Rejected != ours.Count > 0)
                disagreements.Add($"{Servers[i]}: CLI exit {cli.ExitCode} ({string.Join("; ", cli.Errors.Select(e => $"{e.Path}: {e.Message}"))}), ours {string.Join("; ", ours)}");
        }
        Assert.AreEqual(0, disagreements.Count, string.Join("\n", disagreements));

        Assert.IsFalse(verdicts[wrapped].Rejected, "the CLI's validate does not read .lsp.json; if it now does, this superset rule is shared");
        Assert.IsTrue(PluginFolderValidator.Validate(wrapped).Any(d => d.IsError && Path.GetFileName(d.File) == ".lsp.json"));
    }

    private static string MarketplaceFolder(string root, string name, string server)
    {
        var folder = Path.Combine(root, name);
        Directory.CreateDirectory(Path.Combine(folder, ".claude-plugin"));
        Directory.CreateDirectory(Path.Combine(folder, "plugins", "lsp-plugin"));
        File.WriteAllText(Path.Combine(folder, "plugins", "lsp-plugin", "README.md"), "# lsp-plugin\n");
        File.WriteAllText(Path.Combine(folder, ".claude-plugin", "marketplace.json"),
            $"{{\n  \"name\": \"lsp-market\",\n  \"owner\": {{ \"name\": \"me\" }},\n  \"plugins\": [\n    {{ \"name\": \"lsp-plugin\", \"source\": \"./plugins/lsp-plugin\", " +
            $"\"description\": \"A plugin for tests\", \"strict\": false,\n      \"lspServers\": {{ \"go\": {{ {server} }} }} }}\n  ]\n}}\n");
        return folder;
    }

    [TestMethod]
    public void We_refuse_the_lsp_servers_of_marketplace_entries_the_cli_refuses_and_no_other()
    {
        // The CLI checks an entry's inline servers as it checks plugin.json's (plugins.0.lspServers.go: …).
        if (!ClaudeSession.IsInstalled) Assert.Inconclusive("run npm install --ignore-scripts in the repo root to get the pinned Claude Code CLI");
        var root = Path.Combine(Path.GetTempPath(), "aop-lsp-marketplaces");
        var folders = Servers.Select((s, i) => MarketplaceFolder(root, $"case{i:00}", s)).ToList();
        var verdicts = new ClaudeValidateRunner(ClaudeSession.BinaryPath, ConformanceTests.CacheDirectory).ValidateAll(folders);

        var disagreements = new List<string>();
        for (var i = 0; i < Servers.Length; i++)
        {
            var cli = verdicts[folders[i]];
            var ours = MarketplaceFolderValidator.Validate(folders[i]).Where(d => d.IsError && d.Message.StartsWith("lspServers", StringComparison.Ordinal)).ToList();
            if (cli.Rejected != ours.Count > 0)
                disagreements.Add($"{Servers[i]}: CLI exit {cli.ExitCode} ({string.Join("; ", cli.Errors.Select(e => $"{e.Path}: {e.Message}"))}), ours {string.Join("; ", ours)}");
            Assert.IsFalse(MarketplaceFolderValidator.Validate(folders[i]).Any(d => d.IsError && !d.Message.StartsWith("lspServers", StringComparison.Ordinal)),
                "the rest of the case is valid: " + string.Join("; ", MarketplaceFolderValidator.Validate(folders[i]).Where(d => d.IsError)));
        }
        Assert.AreEqual(0, disagreements.Count, string.Join("\n", disagreements));
    }
}
