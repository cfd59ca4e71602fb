namespace AgentOps.Tests.Evals;

/// <summary>
/// Eval cases, good and broken, each a folder of files (relative path → text), judged by both the real
/// <c>claude plugin eval</c> 2.1.331 and our validator (<see cref="EvalCaseConformanceTests"/>). Refused: what the CLI
/// was seen to refuse while loading; Stricter: ours refuses, the CLI only fails when the case runs.
/// </summary>
internal static class EvalCaseCorpus
{
    public sealed record Case(string Name, bool Refused, Dictionary<string, string> Files, bool Stricter = false);

    private const string Prompt = "---\nmax_turns: 3\n---\n\nSay hi\n";
    private const string Regex = "---\ntype: regex\n---\n\nhi\n";
    private static Dictionary<string, string> Prose(string prompt = Prompt, string grader = Regex) =>
        new() { ["prompt.md"] = prompt, ["graders/says-hi.md"] = grader };
    private static Dictionary<string, string> Yaml(string text) => new() { ["case.yaml"] = text };
    private static string Graded(string grader) =>
        "schema_version: \"1.0\"\nname: c\nexecution:\n  prompt: Say hi\ngraders:\n" + grader;

    public static readonly Case[] All =
    [
        new("good-prose", false, Prose()),
        new("good-yaml-every-grader", false, Yaml("""
            schema_version: "1.0"
            name: every-grader
            tags: [a, b]
            runs: 2
            context:
              add_dirs: []
            execution:
              prompt: Say hi
              max_turns: 5
              timeout_seconds: 60
              allowed_tools: [Read, Grep]
              env:
                EVAL_MODE: quick
            graders:
              - { type: regex, name: r, pattern: hi, flags: i, match: "count:1", target: trace }
              - { type: regex, name: f, pattern: x, target: { source: file, path: out.txt } }
              - { type: tool_order, name: o, before: Read, after: { tool: Edit, input_match: x } }
              - { type: tool_used, name: u, tool: Skill, min: 0, max: 2, arm: with-only }
              - { type: file_exists, name: e, path: "out/*.txt", exists: false }
              - { type: llm, name: l, criteria: polite, focus: trace, weight: 2 }
              - { type: baseline, name: b, baseline_file: ref.jsonl, criteria: as good }
            """)),
        new("good-yaml-plus-prompt-md", false, new() { ["case.yaml"] = "schema_version: \"1.0\"\nname: mixed\nruns: 1\n", ["prompt.md"] = "Say hi\n", ["graders/g.md"] = Regex }),
        new("good-grader-without-frontmatter-ignored", false, new() { ["prompt.md"] = Prompt, ["graders/a.md"] = Regex, ["graders/notes.md"] = "just notes\n" }),
        new("good-unknown-case-yaml-key-dropped", false, Yaml(Graded("  - { type: llm, name: l, criteria: ok }\n") + "owner: me\n")),
        new("bad-unknown-prompt-key", true, Prose("---\nmax_turns: 3\nbogus: 1\n---\n\nSay hi\n")),
        new("bad-no-grader", true, new() { ["prompt.md"] = Prompt }),
        new("bad-empty-files", true, new() { ["case.yaml"] = "", ["prompt.md"] = "" }),
        new("bad-yaml-syntax", true, Yaml("schema_version: \"1.0\"\nname: [x\n")),
        new("bad-yaml-not-mapping", true, Yaml("- a\n- b\n")),
        new("bad-no-schema-version", true, Yaml("name: c\nexecution:\n  prompt: hi\ngraders:\n  - { type: llm, name: l, criteria: ok }\n")),
        new("bad-schema-version-number", true, Yaml(Graded("  - { type: llm, name: l, criteria: ok }\n").Replace("\"1.0\"", "1.0"))),
        new("bad-schema-version-newer", true, Yaml(Graded("  - { type: llm, name: l, criteria: ok }\n").Replace("\"1.0\"", "\"2.0\""))),
        new("bad-no-name", true, Yaml("schema_version: \"1.0\"\nexecution:\n  prompt: hi\ngraders:\n  - { type: llm, name: l, criteria: ok }\n")),
        new("bad-no-execution", true, Yaml("schema_version: \"1.0\"\nname: c\ngraders:\n  - { type: llm, name: l, criteria: ok }\n")),
        new("bad-no-prompt", true, Yaml("schema_version: \"1.0\"\nname: c\nexecution:\n  max_turns: 3\ngraders:\n  - { type: llm, name: l, criteria: ok }\n")),
        new("bad-runs-zero", true, Yaml(Graded("  - { type: llm, name: l, criteria: ok }\n") + "runs: 0\n")),
        new("bad-runs-text", true, Yaml(Graded("  - { type: llm, name: l, criteria: ok }\n") + "runs: \"3\"\n")),
        new("bad-max-turns-over-200", true, Prose("---\nmax_turns: 500\n---\n\nSay hi\n")),
        new("bad-timeout-zero", true, Prose("---\ntimeout_seconds: 0\n---\n\nSay hi\n")),
        new("bad-tags-text", true, Prose("---\ntags: smoke\n---\n\nSay hi\n")),
        new("bad-grader-unknown-type", true, Prose(grader: "---\ntype: script\n---\n\nrun.sh\n")),
        new("bad-grader-unknown-key", true, Prose(grader: "---\ntype: regex\ncase_sensitive: true\n---\n\nhi\n")),
        new("bad-grader-no-pattern", true, Prose(grader: "---\ntype: regex\n---\n")),
        new("bad-grader-no-type", true, Prose(grader: "---\nweight: 1\n---\n\nhi\n")),
        new("bad-grader-weight-zero", true, Prose(grader: "---\ntype: regex\nweight: 0\n---\n\nhi\n")),
        new("bad-grader-flags", true, Prose(grader: "---\ntype: regex\nflags: x\n---\n\nhi\n")),
        new("bad-grader-match", true, Prose(grader: "---\ntype: regex\nmatch: sometimes\n---\n\nhi\n")),
        new("bad-grader-arm", true, Prose(grader: "---\ntype: regex\narm: without\n---\n\nhi\n")),
        new("bad-grader-target", true, Prose(grader: "---\ntype: regex\ntarget: stdout\n---\n\nhi\n")),
        new("bad-grader-tool-order-ref", true, Yaml(Graded("  - { type: tool_order, name: o, before: { tool: Read, extra: 1 }, after: Edit }\n"))),
        new("bad-duplicate-grader-names", true, Yaml(Graded("  - { type: llm, name: l, criteria: ok }\n  - { type: regex, name: l, pattern: hi }\n"))),
        new("bad-init-template-prompt", true, Prose("---\nmax_turns: 10\n---\n\nTODO: describe what the agent should do\n")),
        new("bad-init-template-grader", true, Prose(grader: "---\ntype: llm\nweight: 1\n---\n\nTODO: describe what a successful response looks like\n")),
        new("bad-unterminated-frontmatter", true, new() { ["prompt.md"] = "---\nmax_turns: 3\nSay hi\n", ["graders/g.md"] = Regex }),
        new("bad-plugins-entry-missing", true, Prose("---\nplugins: [./no-such-plugin]\n---\n\nSay hi\n")),
        // The CLI loads this and refuses it only when the case runs (its env is built then): ours refuses it at build.
        new("bad-env-not-eval", false, Prose("---\nenv:\n  FOO: bar\n---\n\nSay hi\n"), Stricter: true),
    ];

    /// <summary>Writes every case under <c>&lt;plugin&gt;/evals/&lt;name&gt;/</c> of a minimal plugin; returns the plugin folder.</summary>
    public static string WritePlugin(string root, IEnumerable<Case> cases)
    {
        Directory.CreateDirectory(Path.Combine(root, ".claude-plugin"));
        File.WriteAllText(Path.Combine(root, ".claude-plugin", "plugin.json"),
            "{\n  \"name\": \"eval-corpus\",\n  \"version\": \"1.0.0\",\n  \"description\": \"Eval case corpus\",\n  \"author\": { \"name\": \"me\" }\n}\n");
        File.WriteAllText(Path.Combine(root, "README.md"), "# eval-corpus\n");
        foreach (var c in cases)
            foreach (var (relative, text) in c.Files)
            {
                var path = Path.Combine(root, "evals", c.Name, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }
        return root;
    }
}
