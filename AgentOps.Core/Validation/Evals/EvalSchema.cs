using AgentOps.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Core.Validation.Evals;

/// <summary>
/// The value checks of the CLI's case schema (a zod schema in Claude Code 2.1.331), one per value shape. Each returns
/// the finding or null; <paramref name="code"/> says whose rule it is (the case's or a grader's).
/// </summary>
internal static class EvalSchema
{
    public static Diagnostic Error(string code, EvalValue at, string message) =>
        new(code, DiagnosticSeverity.Error, at.File, at.Line, at.Column, message);

    public static Diagnostic? Text(string code, string key, EvalValue v, bool nonEmpty = false)
    {
        var kind = YamlValue.KindOf(v.Node);
        if (kind != YamlKind.String) return Error(code, v, $"'{key}' must be text, not {YamlValue.Describe(kind)}{QuoteHint(kind)}");
        return nonEmpty && YamlValue.Text(v.Node)!.Length == 0 ? Error(code, v, $"'{key}' must not be empty") : null;
    }

    public static Diagnostic? TextList(string code, string key, EvalValue v)
    {
        if (v.Node is not YamlSequenceNode list) return Error(code, v, $"'{key}' must be a list of text, not {YamlValue.Describe(YamlValue.KindOf(v.Node))}");
        var bad = list.Children.FirstOrDefault(n => YamlValue.KindOf(n) != YamlKind.String);
        return bad is null ? null
            : new Diagnostic(code, DiagnosticSeverity.Error, v.File, (int)bad.Start.Line, (int)bad.Start.Column,
                $"every item of '{key}' must be text, not {YamlValue.Describe(YamlValue.KindOf(bad))}{QuoteHint(YamlValue.KindOf(bad))}");
    }

    /// <summary>A whole number in [min, max] (zod's int().positive().max(); 10.0 is a whole number too).</summary>
    public static Diagnostic? WholeNumber(string code, string key, EvalValue v, long min, long max)
    {
        var kind = YamlValue.KindOf(v.Node);
        if (kind != YamlKind.Number) return Error(code, v, $"'{key}' must be a number, not {YamlValue.Describe(kind)}");
        var n = YamlValue.Number(v.Node)!.Value;
        if (double.IsNaN(n) || double.IsInfinity(n) || n != Math.Floor(n)) return Error(code, v, $"'{key}' must be a whole number");
        return n < min || n > max ? Error(code, v, $"'{key}' must be from {min} to {max} (claude plugin eval refuses {n})") : null;
    }

    public static Diagnostic? PositiveNumber(string code, string key, EvalValue v)
    {
        var kind = YamlValue.KindOf(v.Node);
        if (kind != YamlKind.Number) return Error(code, v, $"'{key}' must be a number, not {YamlValue.Describe(kind)}");
        var n = YamlValue.Number(v.Node)!.Value;
        return n > 0 && !double.IsNaN(n) ? null : Error(code, v, $"'{key}' must be above 0");
    }

    public static Diagnostic? Boolean(string code, string key, EvalValue v) =>
        YamlValue.KindOf(v.Node) is var kind && kind == YamlKind.Boolean ? null
            : Error(code, v, $"'{key}' must be true or false, not {YamlValue.Describe(kind)}");

    public static Diagnostic? OneOf(string code, string key, EvalValue v, params string[] allowed) =>
        YamlValue.Text(v.Node) is { } text && allowed.Contains(text, StringComparer.Ordinal) ? null
            : Error(code, v, $"'{key}' must be one of {string.Join(" | ", allowed)}");

    public static EvalValue Child(EvalValue parent, string key, YamlNode keyNode, YamlNode value) =>
        new(parent.File, value, (int)keyNode.Start.Line, (int)keyNode.Start.Column);

    public static string KeyOf(YamlNode key) => (key as YamlScalarNode)?.Value ?? key.ToString();

    private static string QuoteHint(YamlKind kind) => kind is YamlKind.Number or YamlKind.Boolean or YamlKind.Null ? ": quote it" : "";
}
