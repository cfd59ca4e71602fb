using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>
/// Checks .claude-plugin/plugin.json: the schema, the kebab-case name the claude.ai sync needs, and
/// that every component path it lists exists (the CLI reports a missing one as a load failure).
/// </summary>
public static partial class PluginManifestValidator
{
    private static readonly string[] ExperimentalFields = ["themes", "outputStyles", "monitors"];
    private static readonly string[] PathFields = ["commands", "agents", "skills", "hooks", "mcpServers", "lspServers", "outputStyles", "themes", "monitors", "workflows"];

    public static IReadOnlyList<Diagnostic> Validate(string pluginDirectory, string manifestFile, JToken manifest)
    {
        var diagnostics = new List<Diagnostic>(ManifestSchemas.Validate(ManifestKind.Plugin, manifestFile, manifest));
        if (manifest is not JObject obj) return diagnostics;
        if (obj["name"] is JValue { Type: JTokenType.String } reserved && ReservedNames.IsReservedPluginName((string)reserved!))
            diagnostics.Add(JsonFile.At(reserved, DiagnosticCodes.SchemaInvalidValue, DiagnosticSeverity.Error, manifestFile,
                $"plugin name '{reserved}' is reserved: {ReservedNames.Explanation}"));
        else if (obj["name"] is JValue { Type: JTokenType.String } mark && ReservedNames.ReadsAsAnthropic((string)mark!))
            diagnostics.Add(JsonFile.At(mark, DiagnosticCodes.PluginNameReadsAsAnthropic, DiagnosticSeverity.Warning, manifestFile,
                $"plugin name '{mark}': {ReservedNames.ReadsAsExplanation}"));
        if (obj["name"] is JValue { Type: JTokenType.String } name && !((string)name!).Contains(' ') && !KebabCase().IsMatch((string)name!))
            diagnostics.Add(JsonFile.At(name, DiagnosticCodes.NameNotKebabCase, DiagnosticSeverity.Warning, manifestFile,
                $"plugin name '{name}' is not kebab-case; Claude Code accepts it but the claude.ai marketplace sync needs lowercase letters, digits and hyphens"));
        diagnostics.AddRange(AgentOps.Core.Security.PathPolicyChecks.Plugin(manifestFile, obj));
        if (obj["network"] is { } network) diagnostics.AddRange(Network(manifestFile, network));
        var experimental = obj["experimental"] as JObject;
        foreach (var (field, value) in PathFields.Select(f => (f, obj[f])).Concat(ExperimentalFields.Select(f => ($"experimental.{f}", experimental?[f]))))
            foreach (var pathToken in ListedPaths(value))
            {
                var relative = (string)pathToken!;
                if (!relative.StartsWith("./", StringComparison.Ordinal) || AgentOps.Core.Security.PathPolicy.ComponentPathProblem(relative) is not null) continue; // schema / path policy report these
                var full = Path.Combine(pluginDirectory, relative[2..]);
                if (!File.Exists(full) && !Directory.Exists(full))
                    diagnostics.Add(JsonFile.At(pathToken, DiagnosticCodes.ComponentPathMissing, DiagnosticSeverity.Error, manifestFile,
                        $"{field}: path '{relative}' does not exist in the plugin; Claude Code reports it as a load failure"));
                else if (field == "skills" && File.Exists(full))
                    diagnostics.Add(JsonFile.At(pathToken, DiagnosticCodes.SchemaInvalidValue, DiagnosticSeverity.Error, manifestFile,
                        $"skills: '{relative}' is a file; a skills entry is a folder holding SKILL.md (point to its parent folder)"));
            }
        return diagnostics;
    }

    /// <summary>`network` as Claude Code reads it (<see cref="NetworkHosts.Problems"/>): what it ignores at load time, both it and
    /// we warn of (AOP0012).</summary>
    private static IEnumerable<Diagnostic> Network(string manifestFile, JToken network) =>
        NetworkHosts.Problems(network).Select(p => JsonFile.At(p.At, DiagnosticCodes.NetworkHostsInvalid, DiagnosticSeverity.Warning, manifestFile,
            p.Message + "; Claude Code ignores it at load time"));

    /// <summary>The string paths of a component field: a string or the strings of an array.</summary>
    public static IEnumerable<JValue> ListedPaths(JToken? field) => field switch
    {
        JValue { Type: JTokenType.String } s => [s],
        JArray a => a.OfType<JValue>().Where(v => v.Type == JTokenType.String),
        _ => [],
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    internal static partial Regex KebabCase();
}
