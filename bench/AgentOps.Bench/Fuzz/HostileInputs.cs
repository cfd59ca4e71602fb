using CsCheck;

namespace AgentOps.Bench.Fuzz;

/// <summary>
/// Generators of hostile inputs (CsCheck): valid documents of each format with hostile pieces spliced
/// in — deep nesting, aliases of aliases, "..", absolute paths, control and bidi characters, secrets,
/// huge numbers, duplicate keys, truncation — so most cases get past the first parser and reach the
/// checks behind it. Shared by the hostile-input tests (short runs) and the fuzz bench (long runs).
/// </summary>
public static class HostileInputs
{
    private static readonly string[] Pieces =
    [
        "", " ", "\n", "\r\n", "\t", "\u001b[2J", "\u001b]0;x\u0007", "\n::error file=a,line=1::forged\n", "\u202e", "\u200b", "\uFEFF", "\0",
        "../../../../etc/passwd", ".//etc/hostname", "/etc/hostname", "~/.ssh/id_rsa", "./commands/", "C:\\Windows", "\\\\server\\share",
        "\"", "'", "`", "$(", "${CLAUDE_PLUGIN_ROOT}", "; rm -rf /", "|", "&&", "%s%n", "{{", "}}", "*a", "&a", "!!binary", "? ", "- ", ": ",
        "[", "]", "{", "}", ",", "#", "---", "...", "null", "true", "1e999", "-0", "99999999999999999999", "NaN",
        "sk-ant-api03-" + new string('A', 40), "AKIAIOSFODNN7ABCDEFG", "-----BEGIN RSA PRIVATE KEY-----\nMIIE", "https://u:p/w@h.io/r", "ghp_" + new string('b', 36),
        "ü", "日本", "😀", "\ud800", new string('x', 300), new string('[', 200), new string('{', 200),
    ];

    public static readonly Gen<string> Piece = Gen.OneOf(Gen.OneOfConst(Pieces), Gen.String[Gen.Char, 0, 12]);

    /// <summary>A text with 0–12 hostile pieces inserted at random places.</summary>
    public static Gen<string> Spliced(string valid) =>
        Gen.Select(Gen.Int[0, 12], Gen.Int.Array[12], Piece.Array[12], (n, at, pieces) =>
        {
            var text = valid;
            for (var i = 0; i < n; i++)
            {
                var pos = (int)((uint)at[i] % (uint)(text.Length + 1));
                text = text[..pos] + pieces[i] + text[pos..];
            }
            return text;
        });

    /// <summary>Cut at a random point (a log still being written, a pulled file cut short).</summary>
    public static Gen<string> Truncated(Gen<string> gen) =>
        Gen.Select(gen, Gen.Int[0, 100], Gen.Bool, (t, pct, cut) => cut ? t[..(t.Length * pct / 100)] : t);

    public static readonly Gen<string> Deep = Gen.Select(Gen.Int[1, 50_000], Gen.OneOfConst("[", "{a: ", "- ", "{\"a\":"), (n, open) =>
        string.Concat(Enumerable.Repeat(open, n)));

    public static readonly Gen<string> Laughs = Gen.Select(Gen.Int[1, 12], Gen.Int[2, 12], (levels, width) =>
    {
        var sb = new System.Text.StringBuilder("a0: &a0 [x]\n");
        for (var i = 1; i <= levels; i++) sb.Append($"a{i}: &a{i} [{string.Join(",", Enumerable.Repeat($"*a{i - 1}", width))}]\n");
        return sb.Append($"tools: *a{levels}\n").ToString();
    });

    private const string PluginJson = "{\n  \"name\": \"alpha\",\n  \"version\": \"1.0.0\",\n  \"description\": \"The alpha plugin\",\n  \"commands\": [\"./commands/ok.md\"],\n  \"icon\": \"./assets/icon.png\",\n  \"author\": { \"name\": \"A\" }\n}\n";
    private const string MarketplaceJson = "{\n  \"name\": \"m\",\n  \"owner\": { \"name\": \"o\" },\n  \"plugins\": [\n    { \"name\": \"alpha\", \"source\": \"./plugins/alpha\", \"description\": \"The alpha plugin\" },\n    { \"name\": \"beta\", \"description\": \"Remote beta plugin\", \"source\": { \"source\": \"github\", \"repo\": \"o/beta\" } },\n    { \"name\": \"gamma\", \"description\": \"Npm gamma plugin\", \"source\": { \"source\": \"npm\", \"package\": \"gamma\" } }\n  ]\n}\n";
    private const string Frontmatter = "---\nname: reviewer\ndescription: Reviews code\ntools: Read, Grep\nmodel: sonnet\n---\nBody text.\n";
    private const string Pattern = "---\npattern_id: code-review-1234abcd\ncategory: code-review\ncreated: 2026-11-01\nsuccess_rate: 0.9\nexecutions: 5\nvalidated: true\ntags: [review]\n---\n# Code review\n\n## Context\nTasks.\n\n## Workflow\n1. reviewer (subagent, review) - 10s, 100%\n\n## Metrics\n- Success rate: 0.90\n";
    private const string Transcript = "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"Review the code\"},\"uuid\":\"u1\",\"timestamp\":\"2026-11-24T11:17:47.242Z\",\"sessionId\":\"s1\",\"cwd\":\"/p\"}\n{\"type\":\"assistant\",\"message\":{\"role\":\"assistant\",\"stop_reason\":\"tool_use\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"Agent\",\"input\":{\"subagent_type\":\"reviewer\",\"description\":\"Review\"}}]},\"timestamp\":\"2026-11-24T11:17:48.000Z\",\"sessionId\":\"s1\"}\n{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"done\"}]},\"timestamp\":\"2026-11-24T11:17:58.000Z\",\"sessionId\":\"s1\"}\n{\"type\":\"assistant\",\"message\":{\"role\":\"assistant\",\"stop_reason\":\"end_turn\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]},\"timestamp\":\"2026-11-24T11:18:00.000Z\",\"sessionId\":\"s1\"}\n";
    private const string Payload = "{\"session_id\":\"s1\",\"transcript_path\":\"/nonexistent/s1.jsonl\",\"cwd\":\"CWD\",\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Agent\",\"tool_input\":{\"subagent_type\":\"reviewer\",\"description\":\"Review\"},\"tool_use_id\":\"t1\"}";

    public static Gen<string> PluginManifests => Gen.Frequency((6, Truncated(Spliced(PluginJson))), (1, Deep.Select(d => "{\"name\":" + d)));
    public static Gen<string> MarketplaceManifests => Truncated(Spliced(MarketplaceJson));
    public static Gen<string> Frontmatters => Gen.Frequency((6, Truncated(Spliced(Frontmatter))), (1, Deep.Select(d => "---\ndescription: " + d + "\n---\n")), (1, Laughs.Select(l => "---\n" + l + "---\n")));
    public static Gen<string> Patterns => Gen.Frequency((6, Truncated(Spliced(Pattern))), (1, Laughs.Select(l => "---\n" + l + "---\n## Context\n")));
    public static Gen<string> Transcripts => Truncated(Spliced(Transcript));
    /// <summary>Payloads; "CWD" is replaced by the test's project folder (or kept, a relative cwd, by chance).</summary>
    public static Gen<string> Payloads => Spliced(Payload);
}
