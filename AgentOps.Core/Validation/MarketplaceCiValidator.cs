using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>
/// The invariants public marketplace CI enforces on marketplace.json and Claude Code does not: entries
/// sorted by name, names in lowercase kebab-case, descriptions of 10–2000 characters, remote sources
/// over HTTPS and pinned to a commit, no shell metacharacters or hidden Unicode in names. All
/// warnings (AOP0801–0807): Claude Code loads such a marketplace. Duplicate names (AOP0412), sources
/// without "./" (AOP0005) and escaping sources (AOP0410) are errors of the other validators.
/// </summary>
public static partial class MarketplaceCiValidator
{
    public const int MinDescription = 10;
    public const int MaxDescription = 2000;
    public const int MaxName = 64;

    public static IReadOnlyList<Diagnostic> Validate(string manifestFile, JToken manifest)
    {
        var d = new List<Diagnostic>();
        if (manifest is not JObject root) return d;
        CheckName(root["name"], manifestFile, "marketplace name", d);
        if (root["plugins"] is not JArray plugins) return d;

        string? previous = null;
        foreach (var entry in plugins.OfType<JObject>())
        {
            var nameToken = entry["name"] as JValue;
            var name = nameToken?.Type == JTokenType.String ? (string)nameToken! : null;
            if (name is not null)
            {
                CheckName(nameToken, manifestFile, "plugin name", d);
                if (previous is not null && string.CompareOrdinal(name.ToLowerInvariant(), previous.ToLowerInvariant()) < 0)
                    d.Add(JsonFile.At(nameToken, DiagnosticCodes.EntriesNotSorted, DiagnosticSeverity.Warning, manifestFile,
                        $"entry '{name}' comes after '{previous}': keep the plugins sorted by name, as public marketplace CI requires (diffs stay small, duplicates stand out)"));
                previous = name;
            }
            CheckDescription(entry, manifestFile, name ?? "the entry", d);
            if (entry["source"] is JObject source) CheckRemoteSource(source, manifestFile, name ?? "the entry", d);
        }
        return d;
    }

    private static void CheckName(JToken? token, string file, string what, List<Diagnostic> d)
    {
        if (token is not JValue { Type: JTokenType.String } v) return;
        var name = (string)v!;
        // A name Claude Code cannot install is already an error (AOP0005); only add what CI adds.
        if (!InstallableName().IsMatch(name))
        {
            d.AddRange(UnsafeText.CheckName(v, file, what).Where(x => x.Code == DiagnosticCodes.HiddenUnicode));
            return;
        }
        if (WindowsNames.Problem(name) is { } notPortable)
            d.Add(JsonFile.At(v, DiagnosticCodes.NotPortableName, DiagnosticSeverity.Warning, file, $"{what}: {notPortable}"));
        if (!PluginManifestValidator.KebabCase().IsMatch(name) || name.Length > MaxName)
            d.Add(JsonFile.At(v, DiagnosticCodes.NamePattern, DiagnosticSeverity.Warning, file,
                $"{what} '{name}' does not match ^[a-z0-9]+(-[a-z0-9]+)*$ (at most {MaxName} characters), the pattern public marketplace CI requires"));
    }

    private static void CheckDescription(JObject entry, string file, string name, List<Diagnostic> d)
    {
        var token = entry["description"];
        if (token is null)
        {
            d.Add(JsonFile.At(entry, DiagnosticCodes.DescriptionLength, DiagnosticSeverity.Warning, file,
                $"plugin '{name}' has no description; public marketplace CI requires {MinDescription}–{MaxDescription} characters"));
            return;
        }
        if (token is not JValue { Type: JTokenType.String } v) return; // the schema reports the type
        var length = ((string)v!).Trim().Length;
        if (length is < MinDescription or > MaxDescription)
            d.Add(JsonFile.At(v, DiagnosticCodes.DescriptionLength, DiagnosticSeverity.Warning, file,
                $"the description of '{name}' has {length} characters; public marketplace CI requires {MinDescription}–{MaxDescription}"));
    }

    private static void CheckRemoteSource(JObject source, string file, string name, List<Diagnostic> d)
    {
        var kind = (source["source"] as JValue)?.Value as string;
        if (kind == "archive")
        {
            // https is the schema's (AOP0005, as the CLI); the pin of an archive is its sha256 digest.
            if (source["sha256"] is null)
                d.Add(JsonFile.At(source, DiagnosticCodes.SourceNotPinned, DiagnosticSeverity.Warning, file,
                    $"'{name}' is not pinned: add \"sha256\" with the archive's digest, so every user installs the archive that was reviewed"));
            return;
        }
        if (kind is not ("github" or "url" or "git-subdir")) return; // npm is pinned by version; unknown kinds are AOP0005
        if (source["url"] is JValue { Type: JTokenType.String } url && !((string)url!).StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            d.Add(JsonFile.At(url, DiagnosticCodes.SourceNotHttps, DiagnosticSeverity.Warning, file,
                $"'{name}' is fetched from '{url}': public marketplace CI accepts only https:// sources (http and git:// can be tampered with on the way, ssh needs keys users do not have)"));
        if (source["sha"] is null)
            d.Add(JsonFile.At(source, DiagnosticCodes.SourceNotPinned, DiagnosticSeverity.Warning, file,
                $"'{name}' is not pinned: add \"sha\" with the full 40-character commit, so every user installs the code that was reviewed"));
    }

    /// <summary>A plugin or marketplace name Claude Code can install (marketplace.schema.json installableName).</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    internal static partial Regex InstallableName();
}
