using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;
using AgentOps.Core.Validation.Evals;
using AgentOps.Tests.Validation;
using Newtonsoft.Json.Linq;

namespace AgentOps.Tests.Evals;

/// <summary>Where each eval finding points (file, line, column), which folders are cases, and the suite folder setting.</summary>
[TestClass]
public sealed class EvalSuiteValidatorTests
{
    private static List<Diagnostic> Validate(TempDir dir, JToken? manifest = null) => EvalSuiteValidator.Validate(dir.Path, manifest).ToList();

    [TestMethod]
    public void A_good_prose_case_and_a_good_case_yaml_have_no_finding()
    {
        using var dir = new TempDir();
        dir.Write("evals/a/prompt.md", "---\nmax_turns: 3\nallowed_tools: [Read]\n---\n\nSay hi\n");
        dir.Write("evals/a/graders/hi.md", "---\ntype: regex\n---\n\nhi\n");
        dir.Write("evals/group/b/case.yaml", "schema_version: \"1.0\"\nname: b\nexecution:\n  prompt: hi\ngraders:\n  - { type: llm, name: l, criteria: ok }\n");
        Assert.AreEqual("", string.Join("\n", Validate(dir)));
    }

    [TestMethod]
    public void A_value_out_of_range_is_reported_at_its_line_in_case_yaml()
    {
        using var dir = new TempDir();
        var file = dir.Write("evals/a/case.yaml", "schema_version: \"1.0\"\nname: a\nexecution:\n  prompt: hi\n  max_turns: 500\nruns: 0\ngraders:\n  - { type: llm, name: l, criteria: ok }\n");
        var found = Validate(dir);
        Assert.IsTrue(found.Any(d => d.Code == DiagnosticCodes.EvalCaseInvalid && d.File == file && d.Line == 5 && d.Column == 3), string.Join("\n", found));
        Assert.IsTrue(found.Any(d => d.Code == DiagnosticCodes.EvalCaseInvalid && d.Line == 6 && d.Message.Contains("runs")), string.Join("\n", found));
    }

    [TestMethod]
    public void A_grader_file_is_checked_at_its_own_lines()
    {
        using var dir = new TempDir();
        dir.Write("evals/a/prompt.md", "Say hi\n");
        var grader = dir.Write("evals/a/graders/g.md", "---\ntype: regex\nweight: 1\ncase_sensitive: true\n---\n\nhi\n");
        var found = Validate(dir);
        var d = found.Single(x => x.IsError);
        Assert.AreEqual((DiagnosticCodes.EvalGraderInvalid, grader, 4), (d.Code, d.File, d.Line), d.ToString());
    }

    [TestMethod]
    public void The_init_template_left_in_place_is_AOP1202_at_the_prompt_body()
    {
        using var dir = new TempDir();
        var prompt = dir.Write("evals/a/prompt.md", "---\nmax_turns: 10\nallowed_tools: [Read, Glob, Grep, Skill]\n---\n\nTODO: describe what the agent should do\n");
        dir.Write("evals/a/graders/criteria.md", "---\ntype: llm\nweight: 1\n---\n\nTODO: describe what a successful response looks like\n");
        var found = Validate(dir);
        Assert.AreEqual(2, found.Count(d => d.Code == DiagnosticCodes.EvalTemplateText), string.Join("\n", found));
        Assert.IsTrue(found.Any(d => d.File == prompt && d.Line == 6));
    }

    [TestMethod]
    public void What_the_cli_drops_silently_is_a_warning()
    {
        using var dir = new TempDir();
        var file = dir.Write("evals/a/case.yaml", "schema_version: \"1.0\"\nname: a\nowner: me\nexecution:\n  prompt: hi\ngraders:\n  - { type: llm, name: l, criteria: ok }\n");
        var notes = dir.Write("evals/a/graders/notes.md", "no frontmatter here\n");
        var found = Validate(dir);
        Assert.IsTrue(found.All(d => d.Code == DiagnosticCodes.EvalIgnoredContent && d.Severity == DiagnosticSeverity.Warning), string.Join("\n", found));
        Assert.IsTrue(found.Any(d => d.File == file && d.Line == 3) && found.Any(d => d.File == notes), string.Join("\n", found));
    }

    [TestMethod]
    public void Case_yaml_that_does_not_parse_is_reported_by_the_one_yaml_reader()
    {
        using var dir = new TempDir();
        var file = dir.Write("evals/a/case.yaml", "schema_version: \"1.0\"\nname: [x\n");
        var d = Validate(dir).Single();
        Assert.AreEqual(DiagnosticCodes.FrontmatterSyntax, d.Code);
        Assert.AreEqual(file, d.File);
        StringAssert.Contains(d.Message, "case.yaml is not valid YAML");
    }

    [TestMethod]
    public void Results_mocks_and_node_modules_are_never_read_as_cases()
    {
        using var dir = new TempDir();
        dir.Write("evals/results/2026-01-01/prompt.md", "---\nbogus: 1\n---\n");
        dir.Write("evals/mocks/github/prompt.md", "---\nbogus: 1\n---\n");
        dir.Write("evals/node_modules/x/case.yaml", "- a\n");
        Assert.AreEqual("", string.Join("\n", Validate(dir)));
    }

    [TestMethod]
    public void The_suite_folder_is_experimental_evals_when_plugin_json_names_one()
    {
        using var dir = new TempDir();
        dir.Write("quality/evals/a/prompt.md", "Say hi\n");
        Assert.AreEqual(1, Validate(dir, JObject.Parse("""{"experimental":{"evals":"quality/evals"}}""")).Count, "no grader: found there");
        Assert.AreEqual(0, Validate(dir).Count, "evals/ by default");
        Assert.AreEqual("evals", EvalSuiteValidator.FolderOf(JObject.Parse("""{"experimental":{"evals":"../x"}}""")), "a path out of the plugin is ignored, as the CLI does");
    }

    [TestMethod]
    public void The_repo_plugins_eval_suites_are_clean()
    {
        foreach (var plugin in new[] { "agentops-core", "agentops-meta-orchestrator" })
        {
            var folder = Path.Combine(AgentOps.Tests.EndToEnd.ClaudeSession.RepoRoot, "plugins", plugin);
            Assert.IsTrue(EvalSuiteValidator.CaseFolders(Path.Combine(folder, "evals")).Count() >= 2, plugin);
            var found = EvalSuiteValidator.Validate(folder, null);
            Assert.AreEqual("", string.Join("\n", found), plugin);
        }
    }
}
