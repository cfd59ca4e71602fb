using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>
/// AOP1154 (a plugin has no README.md: users and the plugin directory's review read it; one at the
/// marketplace root counts for its plugins, as in Claude Code's directory checks) and AOP1157 (a
/// version that is not semver: Claude Code compares versions to offer updates).
/// </summary>
public static class PluginStructureRules
{
    public static IReadOnlyList<Diagnostic> Validate(string pluginDirectory, IReadOnlyList<string> allowedRoots, string? manifestFile, JToken? manifest)
    {
        var d = new List<Diagnostic>();
        if (!allowedRoots.Any(root => HasReadme(root)) && !HasReadme(pluginDirectory))
            d.Add(new Diagnostic(DiagnosticCodes.ReadmeMissing, DiagnosticSeverity.Warning, manifestFile ?? pluginDirectory, manifestFile is null ? 0 : 1, manifestFile is null ? 0 : 1,
                "the plugin has no README.md: say what it does, how to use it and what it needs (Claude Code's plugin directory refuses a plugin without one)"));
        if (manifestFile is not null && (manifest as JObject)?["version"] is JValue { Type: JTokenType.String } version)
            CheckVersion(version, manifestFile, "plugin", d);
        return d;
    }

    public static void CheckVersion(JValue version, string file, string what, List<Diagnostic> d)
    {
        if (!SemanticVersion.TryParse((string)version!, out _))
            d.Add(JsonFile.At(version, DiagnosticCodes.VersionNotSemver, DiagnosticSeverity.Warning, file,
                $"{what} version '{version}' is not semver (MAJOR.MINOR.PATCH): Claude Code and dependency ranges compare versions to offer updates"));
    }

    private static bool HasReadme(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(f => Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase));
}
