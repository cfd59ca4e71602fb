using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation.Evals;
using AgentOps.Tests.Build;
using AgentOps.Tests.EndToEnd;

namespace AgentOps.Tests.Evals;

/// <summary>
/// Our eval case checks against the real <c>claude plugin eval</c> 2.1.331. The CLI has no dry run, but it loads and
/// checks every case before it authenticates: run with no credentials in an empty HOME, it prints one
/// <c>✗ &lt;case file or folder&gt;: &lt;why&gt;</c> line per refused case and then stops at "Not logged in" without a
/// model call. Every case it refuses must be an error of ours in that case's folder (ours is a superset), and every
/// case it loads must have none, except the corpus's Stricter ones.
/// </summary>
[TestClass]
[TestCategory("ClaudeCli")]
public sealed class EvalCaseConformanceTests
{
    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public void We_refuse_the_eval_cases_the_cli_refuses_and_no_case_it_loads()
    {
        ClaudePluginCli.RequireInstalled();
        var temp = Directory.CreateTempSubdirectory("aop-eval-conformance-");
        try
        {
            var plugin = EvalCaseCorpus.WritePlugin(Path.Combine(temp.FullName, "plugin"), EvalCaseCorpus.All);
            var refused = CliRefusals(plugin, temp.FullName);
            var ours = EvalSuiteValidator.Validate(plugin, null);
            var disagreements = new List<string>();
            foreach (var c in EvalCaseCorpus.All)
            {
                var dir = Path.Combine(plugin, "evals", c.Name);
                var cli = refused.Where(r => r.Path == dir || r.Path.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
                var errors = ours.Where(d => d.IsError && (d.File == dir || d.File.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal))).ToList();
                if (cli.Count > 0 != c.Refused) disagreements.Add($"{c.Name}: the corpus says {(c.Refused ? "refused" : "loaded")}, the CLI {(cli.Count > 0 ? "refused: " + cli[0].Message : "loaded it")}");
                if (cli.Count > 0 && errors.Count == 0) disagreements.Add($"{c.Name}: the CLI refuses it ({cli[0].Message}), we do not");
                if (cli.Count == 0 && errors.Count > 0 && !c.Stricter) disagreements.Add($"{c.Name}: the CLI loads it, we refuse it: {errors[0]}");
                if (c.Stricter && errors.Count == 0) disagreements.Add($"{c.Name}: expected ours to refuse it");
                // A refused case is pointed at a file and line, except a folder that defines nothing.
                disagreements.AddRange(errors.Where(e => e.Line == 0 && e.File != dir).Select(e => $"{c.Name}: no line for {e}"));
            }
            Assert.AreEqual(0, disagreements.Count, string.Join("\n", disagreements));
        }
        finally { temp.Delete(recursive: true); }
    }

    private sealed record Refusal(string Path, string Message);

    /// <summary>The ✗ lines of one `claude plugin eval` over the whole corpus, offline (no credentials: it stops before any model call).</summary>
    private static List<Refusal> CliRefusals(string plugin, string temp)
    {
        var home = Directory.CreateDirectory(Path.Combine(temp, "home")).FullName;
        var env = new Dictionary<string, string>
        {
            ["HOME"] = home, ["DISABLE_TELEMETRY"] = "1", ["DISABLE_AUTOUPDATER"] = "1", ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
            ["ANTHROPIC_API_KEY"] = "", ["ANTHROPIC_AUTH_TOKEN"] = "", ["CLAUDE_CODE_OAUTH_TOKEN"] = "", ["ANTHROPIC_BASE_URL"] = "http://127.0.0.1:9",
        };
        var output = Path.Combine(temp, "out");
        var run = ProcessRunner.Run(ClaudeSession.BinaryPath, plugin, TimeSpan.FromSeconds(150), env,
            "plugin", "eval", ".", "--trust-plugin", "--no-publish", "--runs", "1", "--ablation", "none", "--json",
            "--output-dir", output, "--report", Path.Combine(output, "report.html"));
        StringAssert.Contains(run.StdOut, "\"schemaVersion\"", "the CLI printed its JSON result: " + run.All);
        StringAssert.Contains(run.StdOut, "\"partialReason\": \"auth_failed\"", "the loaded cases stopped at authentication, before any model call");
        return run.StdErr.Split('\n')
            .Where(l => l.StartsWith("\u2717 ", StringComparison.Ordinal))
            .Select(l => l[2..])
            .Select(l => { var at = l.IndexOf(": ", StringComparison.Ordinal); return new Refusal(l[..at], l[(at + 2)..]); })
            .ToList();
    }
}
