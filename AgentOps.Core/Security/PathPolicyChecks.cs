using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Security;

/// <summary>
/// <see cref="PathPolicy"/> applied to the manifests, once, for validate, the build (which validates
/// the plugin.json it generated) and import: component and icon paths of plugin.json, and every
/// remote source of marketplace.json (github repo, git-subdir path, npm package, URLs).
/// </summary>
public static class PathPolicyChecks
{
    private static readonly string[] PathFields = ["commands", "agents", "skills", "hooks", "mcpServers", "lspServers", "outputStyles", "themes", "monitors", "workflows", "icon"];

    public static IEnumerable<Diagnostic> Plugin(string manifestFile, JObject manifest)
    {
        var experimental = manifest["experimental"] as JObject;
        var fields = PathFields.Select(f => (f, manifest[f])).Concat(PathFields.Select(f => ($"experimental.{f}", experimental?[f])));
        foreach (var (field, value) in fields)
            foreach (var token in Strings(value))
                if (PathPolicy.ComponentPathProblem((string)token!) is { } problem)
                    yield return JsonFile.At(token, DiagnosticCodes.UnsafePath, DiagnosticSeverity.Error, manifestFile,
                        $"{field}: path '{Printable.Sanitize((string)token!, 120)}' {problem}");
    }

    public static IEnumerable<Diagnostic> MarketplaceEntry(string manifestFile, JObject entry)
    {
        var name = Printable.Sanitize((entry["name"] as JValue)?.Value as string ?? "?", 80);
        if (entry["source"] is not JObject source) yield break;
        foreach (var d in Check(source["repo"], PathPolicy.GitHubRepoProblem, "source.repo")) yield return d;
        foreach (var d in Check(source["path"], PathPolicy.SubdirProblem, "source.path")) yield return d;
        foreach (var d in Check(source["package"], PathPolicy.NpmPackageProblem, "source.package")) yield return d;
        foreach (var d in Check(source["url"], PathPolicy.SourceUrlProblem, "source.url")) yield return d;
        foreach (var d in Check(source["registry"], PathPolicy.SourceUrlProblem, "source.registry")) yield return d;

        IEnumerable<Diagnostic> Check(JToken? token, Func<string, string?> rule, string field)
        {
            if (token is JValue { Type: JTokenType.String } v && rule((string)v!) is { } problem)
                yield return JsonFile.At(v, DiagnosticCodes.UnsafeSource, DiagnosticSeverity.Error, manifestFile,
                    $"'{name}' {field} '{Printable.Sanitize(SecretScanner.Redact((string)v!, out _), 120)}' {problem}");
        }
    }

    private static IEnumerable<JValue> Strings(JToken? field) => field switch
    {
        JValue { Type: JTokenType.String } s => [s],
        JArray a => a.OfType<JValue>().Where(v => v.Type == JTokenType.String),
        _ => [],
    };
}
