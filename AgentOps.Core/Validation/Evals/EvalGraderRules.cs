using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Core.Validation.Evals;

/// <summary>
/// The CLI's grader schema (Claude Code 2.1.331): six types, each a strict set of keys (an unknown key is refused, not
/// dropped), at least one grader per case, names unique. Each finding is AOP1201 at the grader's key or item.
/// </summary>
public static partial class EvalGraderRules
{
    private const string Code = DiagnosticCodes.EvalGraderInvalid;

    private static readonly string[] Common = ["type", "name", "weight", "arm"];

    /// <summary>Keys each type takes besides type, name, weight and arm; the required ones first.</summary>
    private static readonly Dictionary<string, (string[] Required, string[] Optional)> Types = new(StringComparer.Ordinal)
    {
        ["regex"] = (["pattern"], ["target", "flags", "match"]),
        ["tool_order"] = (["before", "after"], []),
        ["tool_used"] = (["tool"], ["input_match", "min", "max"]),
        ["file_exists"] = (["path"], ["exists"]),
        ["llm"] = (["criteria"], ["focus"]),
        ["baseline"] = (["baseline_file", "criteria"], []),
    };

    public static IReadOnlyList<Diagnostic> Check(EvalCase c)
    {
        var d = new List<Diagnostic>();
        if (c.GradersValue is { } list && list.Node is not YamlSequenceNode)
            d.Add(EvalSchema.Error(Code, list, $"'graders' must be a list of graders, not {YamlValue.Describe(YamlValue.KindOf(list.Node))}"));
        if (c.Graders.Count == 0)
            d.Add(new Diagnostic(Code, DiagnosticSeverity.Error, c.GradersValue?.File ?? c.DefinitionFile, c.GradersValue?.Line ?? (c.CaseFile is null && c.PromptFile is null ? 0 : 1), c.GradersValue?.Column ?? 1,
                "the case has no grader: claude plugin eval refuses it (add graders/<name>.md or a 'graders:' list in case.yaml)"));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in c.Graders)
        {
            CheckOne(g, d);
            if (g.Fields.GetValueOrDefault("name") is { } name && YamlValue.Text(name.Node) is { } text && !names.Add(text))
                d.Add(EvalSchema.Error(Code, name, $"duplicate grader name \"{text}\": claude plugin eval refuses the case"));
        }
        return d;
    }

    private static void CheckOne(EvalGrader g, List<Diagnostic> d)
    {
        void Add(Diagnostic? x) { if (x is not null) d.Add(x); }
        Diagnostic At(string message) => new(Code, DiagnosticSeverity.Error, g.File, g.Line, g.Column, message);
        if (g.Fields.Count == 0) { d.Add(At("a grader must be a mapping with 'type' and 'name'")); return; }
        if (g.Fields.GetValueOrDefault("type") is not { } typeValue) { d.Add(At("the grader has no 'type' (regex | tool_order | tool_used | file_exists | llm | baseline)")); return; }
        var type = YamlValue.Text(typeValue.Node);
        if (type is null || !Types.TryGetValue(type, out var keys))
        {
            d.Add(EvalSchema.Error(Code, typeValue, $"unknown grader type '{type ?? typeValue.Node.ToString()}': use regex, tool_order, tool_used, file_exists, llm or baseline"));
            return;
        }
        foreach (var key in keys.Required.Prepend("name").Where(k => !g.Fields.ContainsKey(k)))
            d.Add(At($"{type} grader needs '{key}'"));
        foreach (var (key, v) in g.Fields)
        {
            if (!Common.Contains(key) && !keys.Required.Contains(key) && !keys.Optional.Contains(key))
            {
                d.Add(EvalSchema.Error(Code, v, $"'{key}' is not a key of a {type} grader (it takes {string.Join(", ", Common.Concat(keys.Required).Concat(keys.Optional))}): claude plugin eval refuses the case"));
                continue;
            }
            Add(key switch
            {
                "name" or "pattern" or "tool" or "input_match" or "path" or "criteria" or "baseline_file" => EvalSchema.Text(Code, key, v),
                "weight" => EvalSchema.PositiveNumber(Code, key, v),
                "arm" => EvalSchema.OneOf(Code, key, v, "with-only", "both"),
                "target" or "focus" => Target(key, v),
                "flags" => YamlValue.Text(v.Node) is { } f && !RegexFlags().IsMatch(f) ? EvalSchema.Error(Code, v, "'flags' must be JavaScript RegExp flags (d g i m s u v y)") : EvalSchema.Text(Code, key, v),
                "match" => YamlValue.Text(v.Node) is { } m && m is not ("contains" or "not_contains") && !CountMatch().IsMatch(m)
                    ? EvalSchema.Error(Code, v, "'match' must be contains | not_contains | count:N") : EvalSchema.Text(Code, key, v),
                "min" or "max" => EvalSchema.WholeNumber(Code, key, v, 0, long.MaxValue),
                "exists" => EvalSchema.Boolean(Code, key, v),
                "before" or "after" => ToolRef(key, v),
                _ => null,
            });
            if (key is "criteria" or "pattern" && YamlValue.Text(v.Node) is { } t && t.Contains(EvalCaseRules.TemplateCriteria, StringComparison.Ordinal))
                d.Add(new Diagnostic(DiagnosticCodes.EvalTemplateText, DiagnosticSeverity.Error, v.File, v.Line, v.Column,
                    $"the grader is still the blank `claude plugin eval init --bare` template: replace \"{EvalCaseRules.TemplateCriteria}\" with concrete pass criteria"));
        }
    }

    /// <summary>trace | last_message | files | mock_calls, or <c>{ source: file, path: … }</c> and nothing else.</summary>
    private static Diagnostic? Target(string key, EvalValue v)
    {
        if (v.Node is YamlMappingNode map)
        {
            var keys = map.Children.Keys.Select(EvalSchema.KeyOf).ToList();
            var ok = keys.Count == 2 && map.Children.TryGetValue(new YamlScalarNode("source"), out var source) && YamlValue.Text(source) == "file"
                && map.Children.TryGetValue(new YamlScalarNode("path"), out var path) && YamlValue.KindOf(path) == YamlKind.String;
            return ok ? null : EvalSchema.Error(Code, v, $"'{key}' as a mapping must be exactly {{ source: file, path: <file> }}");
        }
        return EvalSchema.OneOf(Code, key, v, "trace", "last_message", "files", "mock_calls");
    }

    /// <summary>A tool name, or <c>{ tool: …, input_match?: … }</c>.</summary>
    private static Diagnostic? ToolRef(string key, EvalValue v)
    {
        if (v.Node is not YamlMappingNode map) return EvalSchema.Text(Code, key, v);
        var keys = map.Children.Keys.Select(EvalSchema.KeyOf).ToList();
        var ok = keys.Contains("tool") && keys.All(k => k is "tool" or "input_match") && map.Children.All(c => YamlValue.KindOf(c.Value) == YamlKind.String);
        return ok ? null : EvalSchema.Error(Code, v, $"'{key}' must be a tool name or {{ tool: <name>, input_match: <text> }}");
    }

    [GeneratedRegex("^[dgimsuvy]*$")] private static partial Regex RegexFlags();
    [GeneratedRegex("^count:\\d+$")] private static partial Regex CountMatch();
}
