using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Core.Validation.Evals;

/// <summary>
/// The checks <c>claude plugin eval</c> (Claude Code 2.1.331) makes on an assembled case before it runs anything: each
/// case it would refuse to load is an error at the value to fix (AOP1200, graders AOP1201, the blank init template
/// AOP1202). Keys the CLI drops without a word (unknown case.yaml keys) are warnings (AOP1203): the author meant something.
/// </summary>
public static partial class EvalCaseRules
{
    /// <summary>The text `claude plugin eval init --bare` writes; the CLI refuses a case that still holds it.</summary>
    public const string TemplatePrompt = "TODO: describe what the agent should do";
    public const string TemplateCriteria = "TODO: describe what a successful response looks like";

    /// <summary>The highest schema_version major this CLI reads.</summary>
    public const int SchemaMajor = 1;

    private static readonly HashSet<string> TopKeys = new(StringComparer.Ordinal)
        { "schema_version", "name", "description", "tags", "plugins", "context", "execution", "runs", "graders", "expected_outcome" };
    private static readonly HashSet<string> ExecutionKeys = new(StringComparer.Ordinal)
        { "prompt", "max_turns", "timeout_seconds", "model", "allowed_tools", "disallowed_tools", "artifact_publish", "growthbook_overrides", "append_system_prompt", "env" };
    private static readonly HashSet<string> ContextKeys = new(StringComparer.Ordinal) { "scaffold_script", "history_file", "add_dirs" };

    private const string Code = DiagnosticCodes.EvalCaseInvalid;

    public static IReadOnlyList<Diagnostic> Check(EvalCase c)
    {
        var d = new List<Diagnostic>();
        void Add(Diagnostic? x) { if (x is not null) d.Add(x); }
        Diagnostic Missing(string message) => new(Code, DiagnosticSeverity.Error, c.DefinitionFile, c.CaseFile is null && c.PromptFile is null ? 0 : 1, 1, message);

        // Without case.yaml the CLI supplies schema_version "1.1" and the folder's name.
        if (c.Top.TryGetValue("schema_version", out var version)) CheckVersion(version, d);
        else if (c.CaseFile is not null) d.Add(Missing("missing required field 'schema_version' (e.g. \"1.0\"): claude plugin eval refuses the case"));
        if (c.Top.TryGetValue("name", out var name)) Add(EvalSchema.Text(Code, "name", name, nonEmpty: true));
        else if (c.CaseFile is not null) d.Add(Missing("missing required field 'name': claude plugin eval refuses the case"));
        foreach (var key in new[] { "description", "expected_outcome" })
            if (c.Top.TryGetValue(key, out var v)) Add(EvalSchema.Text(Code, key, v));
        if (c.Top.TryGetValue("tags", out var tags)) Add(EvalSchema.TextList(Code, "tags", tags));
        if (c.Top.TryGetValue("plugins", out var plugins)) CheckPlugins(c, plugins, d);
        if (c.Top.TryGetValue("runs", out var runs)) Add(EvalSchema.WholeNumber(Code, "runs", runs, 1, 50));
        if (c.Top.TryGetValue("context", out var context)) CheckContext(context, d);
        if (c.Top.TryGetValue("execution", out var execution) && execution.Node is not YamlMappingNode)
            Add(EvalSchema.Error(Code, execution, $"'execution' must be a mapping, not {YamlValue.Describe(YamlValue.KindOf(execution.Node))}"));
        else if (execution is null && c.PromptFile is null)
            d.Add(Missing("missing required field 'execution' (with 'prompt'): claude plugin eval refuses the case"));
        else CheckExecution(c, d);
        foreach (var (key, value) in c.Top.Where(t => c.CaseYamlKeys.Contains(t.Key) && !TopKeys.Contains(t.Key)))
            d.Add(new Diagnostic(DiagnosticCodes.EvalIgnoredContent, DiagnosticSeverity.Warning, value.File, value.Line, value.Column,
                $"case.yaml key '{key}' is not part of the case format: claude plugin eval drops it silently"));
        d.AddRange(EvalGraderRules.Check(c));
        return d;
    }

    private static void CheckVersion(EvalValue v, List<Diagnostic> d)
    {
        if (YamlValue.Text(v.Node) is not { } text)
        {
            d.Add(EvalSchema.Error(Code, v, $"'schema_version' must be text such as \"1.0\" (quoted), not {YamlValue.Describe(YamlValue.KindOf(v.Node))}"));
            return;
        }
        // JavaScript parseInt of the part before the first dot: "1.0" and "1x" are 1, "x" is not a version.
        var major = LeadingInteger().Match(text.Split('.')[0]);
        if (!major.Success) d.Add(EvalSchema.Error(Code, v, $"schema_version \"{text}\" is not a valid version string"));
        else if (long.TryParse(major.Value, out var m) && m > SchemaMajor || major.Value.TrimStart('+', '-', '0').Length > 18)
            d.Add(EvalSchema.Error(Code, v, $"schema_version \"{text}\" needs a newer Claude Code (2.1.331 reads up to {SchemaMajor}.x)"));
    }

    private static void CheckPlugins(EvalCase c, EvalValue v, List<Diagnostic> d)
    {
        if (EvalSchema.TextList(Code, "plugins", v) is { } bad) { d.Add(bad); return; }
        foreach (var item in ((YamlSequenceNode)v.Node).Children.OfType<YamlScalarNode>())
        {
            var target = Path.GetFullPath(Path.Combine(c.Directory, item.Value ?? ""));
            if (!System.IO.Directory.Exists(target) && !File.Exists(target))
                d.Add(new Diagnostic(Code, DiagnosticSeverity.Error, v.File, (int)item.Start.Line, (int)item.Start.Column,
                    $"plugins entry '{item.Value}' does not exist (relative to the case folder): claude plugin eval refuses the case"));
        }
    }

    private static void CheckContext(EvalValue v, List<Diagnostic> d)
    {
        if (v.Node is not YamlMappingNode map) { d.Add(EvalSchema.Error(Code, v, "'context' must be a mapping")); return; }
        foreach (var (k, node) in map.Children)
        {
            var key = EvalSchema.KeyOf(k);
            var child = EvalSchema.Child(v, key, k, node);
            var problem = key switch
            {
                "scaffold_script" or "history_file" => EvalSchema.Text(Code, "context." + key, child),
                "add_dirs" => EvalSchema.TextList(Code, "context.add_dirs", child),
                _ => new Diagnostic(DiagnosticCodes.EvalIgnoredContent, DiagnosticSeverity.Warning, child.File, child.Line, child.Column,
                    $"context key '{key}' is not part of the case format: claude plugin eval drops it silently (known: {string.Join(", ", ContextKeys)})"),
            };
            if (problem is not null) d.Add(problem);
        }
    }

    private static void CheckExecution(EvalCase c, List<Diagnostic> d)
    {
        foreach (var (key, v) in c.Execution)
        {
            var problem = key switch
            {
                "prompt" or "model" or "append_system_prompt" => EvalSchema.Text(Code, key, v),
                "max_turns" => EvalSchema.WholeNumber(Code, key, v, 1, 200),
                "timeout_seconds" => EvalSchema.WholeNumber(Code, key, v, 1, 3600),
                "allowed_tools" or "disallowed_tools" => EvalSchema.TextList(Code, key, v),
                "artifact_publish" => EvalSchema.Boolean(Code, key, v),
                "growthbook_overrides" => v.Node is YamlMappingNode map && map.Children.Values.FirstOrDefault(x => YamlValue.KindOf(x) is YamlKind.List or YamlKind.Mapping) is null
                    ? null : EvalSchema.Error(Code, v, "'growthbook_overrides' must map names to a boolean, text, number or null"),
                "env" => CheckEnv(v),
                _ => new Diagnostic(DiagnosticCodes.EvalIgnoredContent, DiagnosticSeverity.Warning, v.File, v.Line, v.Column,
                    $"execution key '{key}' is not part of the case format: claude plugin eval drops it silently (known: {string.Join(", ", ExecutionKeys)})"),
            };
            if (problem is not null) d.Add(problem);
        }
        var prompt = c.Execution.GetValueOrDefault("prompt");
        var text = prompt is null ? null : YamlValue.Text(prompt.Node);
        if (prompt is not null && text is null) return; // its type is already reported
        if (string.IsNullOrWhiteSpace(text))
        {
            var at = prompt ?? new EvalValue(c.PromptFile ?? c.DefinitionFile, new YamlScalarNode(""), c.PromptFile is null && c.CaseFile is null ? 0 : 1, 1);
            d.Add(EvalSchema.Error(Code, at, c.Top.ContainsKey("context") && (c.Top["context"].Node as YamlMappingNode)?.Children.ContainsKey("history_file") == true
                ? "context.history_file needs execution.prompt (the resumed session needs a next turn)"
                : "the case has no prompt: write the user prompt in prompt.md's body, or in execution.prompt in case.yaml"));
        }
        else if (text.Contains(TemplatePrompt, StringComparison.Ordinal))
            d.Add(new Diagnostic(DiagnosticCodes.EvalTemplateText, DiagnosticSeverity.Error, prompt!.File, prompt.Line, prompt.Column,
                $"the prompt is still the blank `claude plugin eval init --bare` template: replace \"{TemplatePrompt}\" with the user prompt to test"));
    }

    private static Diagnostic? CheckEnv(EvalValue v)
    {
        if (v.Node is not YamlMappingNode map) return EvalSchema.Error(Code, v, "'env' must be a mapping of EVAL_* names to text");
        foreach (var (k, node) in map.Children)
        {
            var key = EvalSchema.KeyOf(k);
            var child = EvalSchema.Child(v, key, k, node);
            if (!EvalEnvName().IsMatch(key))
                return EvalSchema.Error(Code, child, $"execution.env key '{key}' is not allowed: only EVAL_* names (EVAL_[A-Z0-9_]*) can be set from a case; claude plugin eval refuses to run it");
            if (EvalSchema.Text(Code, "env." + key, child) is { } bad) return bad;
        }
        return null;
    }

    [GeneratedRegex("^\\s*[-+]?[0-9]+")] private static partial Regex LeadingInteger();
    [GeneratedRegex("^EVAL_[A-Z0-9_]*$")] private static partial Regex EvalEnvName();
}
