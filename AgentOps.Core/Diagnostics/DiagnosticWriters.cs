using System.Text.Json;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Diagnostics;

/// <summary>
/// The three outputs of `agentops validate`: MSBuild canonical lines (what the build prints), a stable
/// JSON document for scripts, and SARIF 2.1.0 for GitHub code scanning (findings shown on the pull
/// request at their line). Paths in JSON and SARIF are relative to <c>baseDirectory</c> when under it.
/// </summary>
public static partial class DiagnosticWriters
{
    public const string SarifSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void WriteCanonical(TextWriter w, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) w.WriteLine(d.ToString());
    }

    public static void WriteJson(TextWriter w, string target, string kind, IReadOnlyList<Diagnostic> diagnostics, string baseDirectory)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("target", target);
            json.WriteString("kind", kind);
            json.WriteBoolean("valid", !diagnostics.Any(d => d.IsError));
            json.WriteNumber("errors", diagnostics.Count(d => d.IsError));
            json.WriteNumber("warnings", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
            DiagnosticJson.WriteArray(json, diagnostics, baseDirectory);
            json.WriteEndObject();
        }
        w.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>A SARIF 2.1.0 log with one run: the rules that fired (id, name, help) and one result per finding.</summary>
    public static void WriteSarif(TextWriter w, IReadOnlyList<Diagnostic> diagnostics, string baseDirectory, string toolVersion)
    {
        var codes = diagnostics.Select(d => d.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rules = new JArray(codes.Select(code =>
        {
            var descriptor = DiagnosticRegistry.Find(code);
            var rule = new JObject
            {
                ["id"] = code,
                ["name"] = RuleName(code),
                ["shortDescription"] = new JObject { ["text"] = descriptor is null ? Sentence(RuleName(code)) : Plain(descriptor.Meaning) },
                ["help"] = new JObject { ["text"] = descriptor is null ? $"See the row {code} of docs/diagnostics.md." : Plain(descriptor.Fix) },
            };
            if (descriptor is not null)
            {
                rule["helpUri"] = descriptor.HelpUri;
                rule["defaultConfiguration"] = new JObject { ["level"] = SarifLevel(descriptor.DefaultSeverity) };
                rule["properties"] = new JObject { ["tags"] = new JArray(descriptor.Rules) };
            }
            return rule;
        }));
        var baseUri = new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(baseDirectory)) + Path.DirectorySeparatorChar).AbsoluteUri;
        var results = new JArray(diagnostics.Select(d =>
        {
            var location = new JObject { ["artifactLocation"] = ArtifactLocation(d.File, baseDirectory) };
            if (d.Line > 0) location["region"] = new JObject { ["startLine"] = d.Line, ["startColumn"] = Math.Max(d.Column, 1) };
            return new JObject
            {
                ["ruleId"] = d.Code,
                ["ruleIndex"] = codes.IndexOf(d.Code),
                ["level"] = SarifLevel(d.Severity),
                ["message"] = new JObject { ["text"] = d.Message },
                ["locations"] = new JArray(new JObject { ["physicalLocation"] = location }),
            };
        }));
        var log = new JObject
        {
            ["$schema"] = SarifSchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JArray(new JObject
            {
                ["tool"] = new JObject
                {
                    ["driver"] = new JObject
                    {
                        ["name"] = "agentops",
                        ["version"] = toolVersion,
                        ["rules"] = rules,
                    },
                },
                ["originalUriBaseIds"] = new JObject { ["SRCROOT"] = new JObject { ["uri"] = baseUri } },
                ["results"] = results,
            }),
        };
        w.WriteLine(log.ToString(Formatting.Indented));
    }

    private static JObject ArtifactLocation(string file, string baseDirectory)
    {
        var relative = RelativeUri(file, baseDirectory);
        return relative is null
            ? new JObject { ["uri"] = new Uri(Path.GetFullPath(file)).AbsoluteUri }
            : new JObject { ["uri"] = relative, ["uriBaseId"] = "SRCROOT" };
    }

    /// <summary>The file as a relative URI reference under the base ("plugins/a/.claude-plugin/plugin.json"), or null outside it.</summary>
    public static string? RelativeUri(string file, string baseDirectory)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(baseDirectory), Path.GetFullPath(file));
        if (relative == ".") return ".";
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) return null;
        return string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
    }

    private static string SarifLevel(DiagnosticSeverity s) => s switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A doc cell as plain text: SARIF viewers show shortDescription and help as text, not Markdown.</summary>
    private static string Plain(string markdown) => markdown.Replace("`", "");

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Names = new(DiagnosticRegistry.ConstantNames);

    /// <summary>The constant's name in <see cref="DiagnosticCodes"/> ("SourceFolderMissing"), or the code itself.</summary>
    public static string RuleName(string code) => Names.Value.GetValueOrDefault(code, code);

    private static string Sentence(string pascal)
    {
        var words = CamelBoundary().Replace(pascal, " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? pascal : char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex CamelBoundary();
}
