using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>
/// marketplace.json <c>renames</c> (<c>{"old-name": "new-name" | null}</c>) as Claude Code 2.1.331 follows it:
/// from each old name it walks the chain of renames until it reaches a plugin the marketplace lists (renamed),
/// a null (removed: the plugin is gone on purpose) or a dead end. A chain that ends at a name neither
/// listed nor renamed, loops, or is longer than 16 steps fails the CLI's validation, so it is an error here,
/// at the old name's line. (The schema accepts null targets; only chains are checked here.)
/// </summary>
public static class RenamesValidator
{
    private const int MaxChain = 16; // Claude Code's limit

    public static IReadOnlyList<Diagnostic> Validate(string manifestFile, JToken manifest)
    {
        if (manifest is not JObject root || root["renames"] is not JObject renames || root["plugins"] is not JArray plugins) return [];
        var listed = plugins.OfType<JObject>().Select(p => p["name"]).OfType<JValue>()
            .Where(v => v.Type == JTokenType.String).Select(v => (string)v!).ToHashSet(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        foreach (var rename in renames.Properties())
            if (Unresolved(rename.Name, renames, listed) is { } reason)
                diagnostics.Add(JsonFile.At(rename.Value, DiagnosticCodes.SchemaInvalidValue, DiagnosticSeverity.Error, manifestFile,
                    $"renames.{rename.Name}: the chain of renames {reason}; it must end at a plugin in \"plugins\", or at null for a plugin that was removed (Claude Code rejects the marketplace)"));
        return diagnostics;
    }

    // Why the chain from `start` does not resolve, or null when it ends at a listed plugin or at null.
    private static string? Unresolved(string start, JObject renames, HashSet<string> listed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = start;
        for (var step = 0; step < MaxChain; step++)
        {
            if (!seen.Add(current)) return $"comes back to '{current}' (a cycle)";
            if (renames.Property(current, StringComparison.Ordinal) is not { } next)
                return listed.Contains(current) ? null : $"ends at '{current}', which is neither a plugin of this marketplace nor renamed";
            switch (next.Value)
            {
                case JValue { Type: JTokenType.Null }: return null;
                case JValue { Type: JTokenType.String } s: current = (string)s!; break;
                default: return null; // not a name: the schema reports the type
            }
        }
        return $"is longer than {MaxChain} steps";
    }
}
