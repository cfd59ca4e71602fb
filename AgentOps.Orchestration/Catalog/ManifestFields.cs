using Newtonsoft.Json.Linq;

namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// The descriptive fields of a marketplace entry or a plugin.json, read leniently: a field of the
/// wrong type is treated as absent (the validators report it; the catalog only needs what is usable).
/// </summary>
public sealed record ManifestFields(
    string Name,
    string Version,
    string Description,
    string Category,
    IReadOnlyList<string> Keywords,
    string Author,
    string Homepage,
    IReadOnlyList<string> Dependencies)
{
    public static readonly ManifestFields Empty = new("", "", "", "", [], "", "", []);

    /// <summary>
    /// <c>displayName</c>: the name Claude Code shows for the plugin in its UI (the id <c>name</c> when absent).
    /// People search by what they see ("GitHub Pull Requests" for <c>gh-pr</c>), so it is indexed with the name.
    /// </summary>
    public string DisplayName { get; init; } = "";

    public static ManifestFields From(JObject o) => FromFields(o) with { DisplayName = Str(o["displayName"]) };

    private static ManifestFields FromFields(JObject o) => new(
        Str(o["name"]),
        Str(o["version"]),
        Cut(Str(o["description"])),
        Str(o["category"]),
        Strings(o["keywords"]).Concat(Strings(o["tags"])).Select(k => k.Trim()).Where(k => k.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(64).ToList(),
        o["author"] switch { JObject a => Str(a["name"]), var t => Str(t) },
        Str(o["homepage"]) is { Length: > 0 } h ? h : Str(o["repository"]),
        DependencyNames(o["dependencies"]));

    /// <summary>Values of <paramref name="primary"/> win; empty ones fall back to <paramref name="fallback"/>; keywords are merged.</summary>
    public static ManifestFields Merge(ManifestFields primary, ManifestFields fallback) => MergeFields(primary, fallback) with
    {
        DisplayName = Or(primary.DisplayName, fallback.DisplayName),
    };

    private static ManifestFields MergeFields(ManifestFields primary, ManifestFields fallback) => new(
        Or(primary.Name, fallback.Name),
        Or(primary.Version, fallback.Version),
        Or(primary.Description, fallback.Description),
        Or(primary.Category, fallback.Category),
        primary.Keywords.Concat(fallback.Keywords).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        Or(primary.Author, fallback.Author),
        Or(primary.Homepage, fallback.Homepage),
        primary.Dependencies.Count > 0 ? primary.Dependencies : fallback.Dependencies);

    private static string Or(string a, string b) => a.Length > 0 ? a : b;

    private static string Cut(string s) => s.Length > ComponentReader.MaxDescriptionLength ? s[..ComponentReader.MaxDescriptionLength] : s;

    // Names and descriptions from marketplaces are shown and searched: control and invisible characters become spaces.
    internal static string Str(JToken? t) => t is JValue { Type: JTokenType.String } v ? AgentOps.Core.Security.Printable.Flatten((string)v!).Trim() : "";

    private static IEnumerable<string> Strings(JToken? t) => t switch
    {
        JArray a => a.OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => (string)v!),
        JValue { Type: JTokenType.String } v => ((string)v!).Split(',', StringSplitOptions.RemoveEmptyEntries),
        _ => [],
    };

    private static IReadOnlyList<string> DependencyNames(JToken? t) => t switch
    {
        JArray a => a.Select(i => i switch
            {
                JValue { Type: JTokenType.String } s => (string)s!,
                JObject d => Str(d["name"]) is { Length: > 0 } n && Str(d["marketplace"]) is { Length: > 0 } m ? $"{n}@{m}" : Str(d["name"]),
                _ => "",
            }).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
        JObject o => o.Properties().Select(p => p.Name).ToList(), // {"name": "^1.0.0"} form
        _ => [],
    };
}
