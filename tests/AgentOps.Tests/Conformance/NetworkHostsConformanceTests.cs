using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;
using AgentOps.Tests.EndToEnd;

namespace AgentOps.Tests.Conformance;

/// <summary>
/// plugin.json <c>network.hosts</c> (Claude Code 2.1.331): the real <c>claude plugin validate</c> warns of a
/// <c>network</c> that is not <c>{ "hosts": [...] }</c> and of each host its sandbox would not take, and ignores them at
/// load time. Ours must warn of the same ones (AOP0012) and of nothing it accepts: each value below is judged by both.
/// </summary>
[TestClass]
[TestCategory("ClaudeCli")]
public sealed class NetworkHostsConformanceTests
{
    private static readonly string[] Networks =
    [
        "\"x\"", "{\"hosts\":\"github.com\"}", "{\"other\":1}", "{\"hosts\":[1]}", "{\"hosts\":[]}",
        "{\"hosts\":[\"github.com\"]}", "{\"hosts\":[\"*.github.com\"]}", "{\"hosts\":[\"GitHub.com\"]}", "{\"hosts\":[\"github.com:443\"]}",
        "{\"hosts\":[\"localhost\"]}", "{\"hosts\":[\"10.0.0.1:80\"]}", "{\"hosts\":[\"[::1]:8080\"]}", "{\"hosts\":[\"a_b.com\"]}",
        "{\"hosts\":[\"https://github.com/x\"]}", "{\"hosts\":[\"github.com.\"]}", "{\"hosts\":[\"a..b\"]}", "{\"hosts\":[\"*\"]}",
        "{\"hosts\":[\"*.*.x.com\"]}", "{\"hosts\":[\"github.com:99999\"]}", "{\"hosts\":[\"b\u00fccher.de\"]}", "{\"hosts\":[\"[zz]\"]}",
        "{\"hosts\":[\"com\"]}", "{\"hosts\":[\"::1\"]}", "{\"hosts\":[\"\"]}", "{\"hosts\":[\"bad host\"]}",
    ];

    [TestMethod]
    public void We_warn_of_the_network_declarations_the_cli_warns_of_and_of_no_other()
    {
        if (!ClaudeSession.IsInstalled) Assert.Inconclusive("run npm install --ignore-scripts in the repo root to get the pinned Claude Code CLI");
        var root = Path.Combine(Path.GetTempPath(), "aop-network-hosts");
        var folders = Networks.Select((n, i) =>
        {
            var folder = Path.Combine(root, $"case{i:00}");
            Directory.CreateDirectory(Path.Combine(folder, ".claude-plugin"));
            File.WriteAllText(Path.Combine(folder, ".claude-plugin", "plugin.json"),
                $"{{\n  \"name\": \"net-plugin\",\n  \"version\": \"1.0.0\",\n  \"description\": \"A plugin\",\n  \"author\": {{ \"name\": \"me\" }},\n  \"network\": {n}\n}}\n");
            File.WriteAllText(Path.Combine(folder, "README.md"), "# net-plugin\n");
            return folder;
        }).ToList();
        var verdicts = new ClaudeValidateRunner(ClaudeSession.BinaryPath, ConformanceTests.CacheDirectory).ValidateAll(folders);
        var disagreements = new List<string>();
        for (var i = 0; i < Networks.Length; i++)
        {
            var cli = verdicts[folders[i]];
            var cliWarns = cli.Warnings.Concat(cli.Errors).Any(f => f.Path.StartsWith("network", StringComparison.Ordinal) || f.Message.Contains("'network'", StringComparison.Ordinal));
            var ours = PluginFolderValidator.Validate(folders[i]).Where(d => d.Code == DiagnosticCodes.NetworkHostsInvalid).ToList();
            if (cliWarns != ours.Count > 0 || ours.Any(d => d.IsError))
                disagreements.Add($"network {Networks[i]}: CLI {(cliWarns ? "warns" : "accepts")}, ours {string.Join("; ", ours)}");
            if (ours.Count > 0) Assert.IsTrue(ours.All(d => d.Line == 6), $"at the network line: {string.Join("; ", ours)}");
        }
        Assert.AreEqual(0, disagreements.Count, string.Join("\n", disagreements));
    }
}
