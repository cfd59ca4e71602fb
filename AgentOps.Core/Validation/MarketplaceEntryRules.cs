using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>
/// What Claude Code 2.1.331 checks in marketplace.json beyond its schema, with its severities: a
/// marketplace without a description (warning), request headers on an entry (they apply to archive
/// sources only; a headersHelper needs "strict": false so users can review what it ships: an error).
/// </summary>
public static class MarketplaceEntryRules
{
    public static IReadOnlyList<Diagnostic> Validate(string manifestFile, JToken manifest)
    {
        var d = new List<Diagnostic>();
        if (manifest is not JObject root) return d;
        if (!HasText(root["description"]) && !HasText((root["metadata"] as JObject)?["description"]))
            d.Add(JsonFile.At(root["name"] ?? root, DiagnosticCodes.MarketplaceDescriptionMissing, DiagnosticSeverity.Warning, manifestFile,
                "no marketplace description: add \"description\" (Claude Code warns too; users see it when they add the marketplace)"));
        foreach (var entry in (root["plugins"] as JArray ?? []).OfType<JObject>())
        {
            CheckHeaders(entry, manifestFile, d);
            if (entry["version"] is JValue { Type: JTokenType.String } version)
                PluginStructureRules.CheckVersion(version, manifestFile, $"'{(entry["name"] as JValue)?.Value}'", d);
        }
        return d;
    }

    private static void CheckHeaders(JObject entry, string file, List<Diagnostic> d)
    {
        var name = (entry["name"] as JValue)?.Value as string ?? "the entry";
        var archive = entry["source"] is JObject source && (source["source"] as JValue)?.Value as string == "archive";
        var helper = entry["headersHelper"];
        if (archive && helper is not null && entry["strict"] is not JValue { Type: JTokenType.Boolean, Value: false })
            d.Add(JsonFile.At(helper, DiagnosticCodes.SchemaInvalidValue, DiagnosticSeverity.Error, file,
                $"'{name}' sets headersHelper but not \"strict\": false: an entry with a headers helper must inline its manifest so users can review what it ships; Claude Code refuses to run the helper otherwise"));
        if (!archive && (entry["headers"] ?? helper) is { } headers)
            d.Add(JsonFile.At(headers, DiagnosticCodes.SchemaUnknownProperty, DiagnosticSeverity.Warning, file,
                $"'{name}' sets headers/headersHelper, which apply only to \"archive\" sources; Claude Code ignores them here"));
    }

    private static bool HasText(JToken? token) => token is JValue { Type: JTokenType.String } v && ((string)v!).Length > 0;
}
