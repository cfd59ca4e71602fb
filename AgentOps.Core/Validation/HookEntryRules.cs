using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>
/// The shape of each hook entry, per type, as Claude Code 2.1.331 reads it (command, prompt, agent,
/// http, mcp_tool: required fields and the type of every known field; extra keys are allowed). An
/// invalid entry under PreToolUse or PermissionRequest is an error (it may be what guards the
/// permissions, so Claude Code refuses the file); under any other event Claude Code drops the entry
/// with a warning, and so do we.
/// </summary>
public static class HookEntryRules
{
    public static readonly IReadOnlySet<string> GuardEvents = new HashSet<string>(StringComparer.Ordinal) { "PreToolUse", "PermissionRequest" };

    private enum Kind { String, NonEmptyString, Bool, PositiveNumber, StringArray, StringMap, Object, Url, Shell, OnFailure, Any }

    private static readonly Dictionary<string, (Kind Kind, bool Required)> Common = new()
    {
        ["if"] = (Kind.String, false), ["timeout"] = (Kind.PositiveNumber, false), ["statusMessage"] = (Kind.String, false), ["once"] = (Kind.Bool, false),
    };

    private static readonly Dictionary<string, Dictionary<string, (Kind Kind, bool Required)>> Types = new(StringComparer.Ordinal)
    {
        ["command"] = With(new()
        {
            ["command"] = (Kind.String, true), ["args"] = (Kind.StringArray, false), ["shell"] = (Kind.Shell, false), ["onFailure"] = (Kind.OnFailure, false),
            ["async"] = (Kind.Bool, false), ["asyncRewake"] = (Kind.Bool, false), ["holdsTools"] = (Kind.Bool, false),
            ["rewakeMessage"] = (Kind.NonEmptyString, false), ["rewakeSummary"] = (Kind.NonEmptyString, false),
        }),
        ["prompt"] = With(new() { ["prompt"] = (Kind.String, true), ["model"] = (Kind.String, false), ["continueOnBlock"] = (Kind.Bool, false) }),
        ["agent"] = With(new() { ["prompt"] = (Kind.String, true), ["model"] = (Kind.String, false) }),
        ["http"] = With(new()
        {
            ["url"] = (Kind.Url, true), ["onFailure"] = (Kind.OnFailure, false), ["headers"] = (Kind.StringMap, false), ["allowedEnvVars"] = (Kind.StringArray, false),
        }),
        ["mcp_tool"] = With(new() { ["server"] = (Kind.String, true), ["tool"] = (Kind.String, true), ["input"] = (Kind.Object, false), ["onFailure"] = (Kind.Any, false) }),
    };

    private static Dictionary<string, (Kind, bool)> With(Dictionary<string, (Kind, bool)> own)
    {
        foreach (var (k, v) in Common) own.TryAdd(k, v);
        return own;
    }

    public static IReadOnlyCollection<string> TypeNames => Types.Keys;

    /// <summary>Checks the event map (event → matchers → hooks) structurally; reports at each token.</summary>
    public static void CheckEventMap(string file, JObject events, List<Diagnostic> d)
    {
        foreach (var evt in events.Properties())
        {
            var guard = GuardEvents.Contains(evt.Name);
            var severity = guard ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            var consequence = guard ? "Claude Code refuses the file: an unloadable PreToolUse/PermissionRequest hook may be what guards the permissions" : "Claude Code ignores this entry";
            if (evt.Value is not JArray matchers)
            {
                if (evt.Value.Type != JTokenType.Null || !guard)
                    d.Add(JsonFile.At(evt.Value, DiagnosticCodes.SchemaWrongType, severity, file, $"hooks.{evt.Name}: must be an array of matchers; {consequence}"));
                continue;
            }
            for (var i = 0; i < matchers.Count; i++)
            {
                var where = $"hooks.{evt.Name}[{i}]";
                if (matchers[i] is not JObject matcher)
                {
                    d.Add(JsonFile.At(matchers[i], DiagnosticCodes.SchemaWrongType, severity, file, $"{where}: a matcher must be an object; {consequence}"));
                    continue;
                }
                if (matcher["matcher"] is { } m && m.Type != JTokenType.String)
                    d.Add(JsonFile.At(m, DiagnosticCodes.SchemaWrongType, severity, file, $"{where}.matcher: must be a string; {consequence}"));
                if (matcher["hooks"] is not JArray hooks)
                {
                    d.Add(JsonFile.At(matcher["hooks"] ?? matcher, matcher["hooks"] is null ? DiagnosticCodes.SchemaRequiredMissing : DiagnosticCodes.SchemaWrongType, severity, file,
                        $"{where}.hooks: a matcher needs a \"hooks\" array of hook entries; {consequence}"));
                    continue;
                }
                for (var j = 0; j < hooks.Count; j++)
                    CheckEntry(file, $"{where}.hooks[{j}]", hooks[j], severity, consequence, d);
            }
        }
    }

    private static void CheckEntry(string file, string where, JToken token, DiagnosticSeverity severity, string consequence, List<Diagnostic> d)
    {
        if (token is not JObject hook)
        {
            d.Add(JsonFile.At(token, DiagnosticCodes.SchemaWrongType, severity, file, $"{where}: a hook entry must be an object; {consequence}"));
            return;
        }
        if (hook["type"] is not JValue { Type: JTokenType.String } typeToken)
        {
            d.Add(JsonFile.At(hook["type"] ?? hook, hook["type"] is null ? DiagnosticCodes.SchemaRequiredMissing : DiagnosticCodes.SchemaWrongType, severity, file,
                $"{where}: a hook entry needs a \"type\" string ({string.Join(", ", Types.Keys)}); {consequence}"));
            return;
        }
        if (!Types.TryGetValue((string)typeToken!, out var fields))
        {
            d.Add(JsonFile.At(typeToken, DiagnosticCodes.SchemaInvalidValue, severity, file,
                $"{where}: unknown hook type '{typeToken}': use {string.Join(", ", Types.Keys)}; {consequence}"));
            return;
        }
        foreach (var (name, (kind, required)) in fields)
        {
            var value = hook[name];
            if (value is null)
            {
                if (required)
                    d.Add(JsonFile.At(hook, DiagnosticCodes.SchemaRequiredMissing, severity, file, $"{where}: a {typeToken} hook needs '{name}'; {consequence}"));
                continue;
            }
            if (Problem(kind, value) is { } problem)
                d.Add(JsonFile.At(value, problem.Code, severity, file, $"{where}.{name}: {problem.Message}; {consequence}"));
        }
    }

    private static (string Code, string Message)? Problem(Kind kind, JToken v)
    {
        const string type = DiagnosticCodes.SchemaWrongType, value = DiagnosticCodes.SchemaInvalidValue;
        return kind switch
        {
            Kind.String when v.Type != JTokenType.String => (type, "must be a string"),
            Kind.NonEmptyString when v.Type != JTokenType.String || ((string)v!).Length == 0 => (type, "must be a non-empty string"),
            Kind.Bool when v.Type != JTokenType.Boolean => (type, "must be true or false"),
            Kind.PositiveNumber when v.Type is not (JTokenType.Integer or JTokenType.Float) => (type, "must be a number of seconds"),
            Kind.PositiveNumber when (double)v <= 0 => (value, "must be greater than 0"),
            Kind.StringArray when v is not JArray a || a.Any(i => i.Type != JTokenType.String) => (type, "must be an array of strings"),
            Kind.StringMap when v is not JObject o || o.Properties().Any(p => p.Value.Type != JTokenType.String) => (type, "must be an object of string values"),
            Kind.Object when v is not JObject => (type, "must be an object"),
            Kind.Url when v.Type != JTokenType.String => (type, "must be a string URL"),
            Kind.Url when !Uri.TryCreate((string)v!, UriKind.Absolute, out _) => (value, "must be an absolute URL"),
            Kind.Shell when v.Type != JTokenType.String || (string)v! is not ("bash" or "powershell") => (value, "must be 'bash' or 'powershell'"),
            Kind.OnFailure when v.Type != JTokenType.String || (string)v! is not ("continue" or "block") => (value, "must be 'continue' or 'block'"),
            _ => null,
        };
    }
}
