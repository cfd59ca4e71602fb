using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AgentOps.Orchestration.Catalog;

/// <summary>A full-text hit: the plugin id and FTS5's bm25() (lower is better, as SQLite returns it).</summary>
public sealed record TextHit(long Id, double Bm25);

/// <summary>A component found by text, with the plugin it belongs to.</summary>
public sealed record ComponentHit(long PluginId, string Plugin, string Marketplace, CatalogComponent Component, double Bm25);

// Read side of the catalog: full-text search with column weights, highlights for explanations, rows by id.
public sealed partial class CatalogStore
{
    /// <summary>Marks FTS5 puts around matched tokens in <see cref="Highlights"/>.</summary>
    public const char HighlightOpen = '\u0001', HighlightClose = '\u0002';

    public IReadOnlyList<TextHit> SearchPlugins(string match, IReadOnlyList<double> weights, int limit, string? category, bool installedOnly,
        IReadOnlyCollection<long>? onlyIds = null)
    {
        if (onlyIds is { Count: 0 }) return [];
        using var cmd = _db.CreateCommand();
        var only = onlyIds is null ? "" : $" AND plugin_text.rowid IN ({string.Join(',', onlyIds)})";
        var bm25 = Bm25("plugin_text", weights);
        // The join is only for the filters: looking up every match's plugin row costs as much as scoring it (10,000 plugins).
        var filtered = category is not null || installedOnly;
        cmd.CommandText = filtered ? $"""
            SELECT plugin_text.rowid, {bm25} AS score FROM plugin_text JOIN plugins p ON p.id = plugin_text.rowid
            WHERE plugin_text MATCH $q AND {PluginFilter}{only}
            ORDER BY score, plugin_text.rowid LIMIT $lim
            """ : $"""
            SELECT plugin_text.rowid, {bm25} AS score FROM plugin_text WHERE plugin_text MATCH $q{only}
            ORDER BY score, plugin_text.rowid LIMIT $lim
            """;
        AddSearchParameters(cmd, match, category, installedOnly, limit);
        return Rows(cmd, r => new TextHit(r.GetInt64(0), r.GetDouble(1)));
    }

    /// <summary>A component matching a query, for ranking its plugin: bm25 over the component's name and description.</summary>
    public sealed record ComponentTextHit(long PluginId, long ComponentId, string Invocation, double Bm25);

    /// <summary>Components (of any kind) matching a query, best first, restricted like <see cref="SearchPlugins"/>.</summary>
    public IReadOnlyList<ComponentTextHit> SearchComponentText(string match, IReadOnlyList<double> weights, int limit, string? category, bool installedOnly)
    {
        using var cmd = _db.CreateCommand();
        var filters = category is not null || installedOnly
            ? $" JOIN plugins p ON p.id = c.plugin_id WHERE component_text MATCH $q AND {PluginFilter}"
            : " WHERE component_text MATCH $q"; // the plugins join is only for the filters (as in SearchPlugins)
        cmd.CommandText = $"""
            SELECT c.plugin_id, c.id, c.invocation, {Bm25("component_text", weights)} AS score
            FROM component_text JOIN components c ON c.id = component_text.rowid{filters}
            ORDER BY score, c.id LIMIT $lim
            """;
        AddSearchParameters(cmd, match, category, installedOnly, limit);
        return Rows(cmd, r => new ComponentTextHit(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetDouble(3)));
    }

    /// <summary>For each component id, its name and description with the query's matches marked.</summary>
    public IReadOnlyDictionary<long, string[]> ComponentHighlights(string match, IReadOnlyCollection<long> componentIds)
    {
        var result = new Dictionary<long, string[]>();
        if (componentIds.Count == 0) return result;
        using var cmd = _db.CreateCommand();
        cmd.CommandText = $"SELECT rowid, highlight(component_text, 0, char({(int)HighlightOpen}), char({(int)HighlightClose})), " +
                          $"highlight(component_text, 1, char({(int)HighlightOpen}), char({(int)HighlightClose})) " +
                          $"FROM component_text WHERE component_text MATCH $q AND rowid IN ({string.Join(',', componentIds)})";
        cmd.Parameters.AddWithValue("$q", match);
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetInt64(0)] = [r.GetString(1), r.GetString(2)];
        return result;
    }

    /// <summary>For each plugin id, each column's text with the query's matches marked (FTS5 highlight()).</summary>
    public IReadOnlyDictionary<long, string[]> Highlights(string match, IReadOnlyCollection<long> ids)
    {
        var result = new Dictionary<long, string[]>();
        if (ids.Count == 0) return result;
        using var cmd = _db.CreateCommand();
        var cols = string.Join(", ", Enumerable.Range(0, CatalogSchema.PluginTextColumns.Length)
            .Select(i => $"highlight(plugin_text, {i}, char({(int)HighlightOpen}), char({(int)HighlightClose}))"));
        cmd.CommandText = $"SELECT rowid, {cols} FROM plugin_text WHERE plugin_text MATCH $q AND rowid IN ({string.Join(',', ids)})";
        cmd.Parameters.AddWithValue("$q", match);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            result[r.GetInt64(0)] = Enumerable.Range(1, CatalogSchema.PluginTextColumns.Length).Select(i => r.IsDBNull(i) ? "" : r.GetString(i)).ToArray();
        return result;
    }

    public IReadOnlyDictionary<long, StoredPlugin> LoadPlugins(IReadOnlyCollection<long> ids, bool withComponents = true)
    {
        var result = new Dictionary<long, StoredPlugin>();
        if (ids.Count == 0) return result;
        var idList = string.Join(',', ids);
        var components = new Dictionary<long, List<CatalogComponent>>();
        if (withComponents)
        using (var cmd = _db.CreateCommand())
        {
            cmd.CommandText = $"SELECT plugin_id, kind, name, invocation, description FROM components WHERE plugin_id IN ({idList}) ORDER BY id";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (!components.TryGetValue(r.GetInt64(0), out var list)) components[r.GetInt64(0)] = list = [];
                list.Add(ReadComponent(r, 1));
            }
        }
        using (var cmd = _db.CreateCommand())
        {
            cmd.CommandText = $"{PluginColumns} WHERE id IN ({idList})";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var p = ReadPlugin(r);
                result[p.Id] = p with { Plugin = p.Plugin with { Components = components.GetValueOrDefault(p.Id) ?? [] } };
            }
        }
        return result;
    }

    public IReadOnlyList<long> AllPluginIds()
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT id FROM plugins ORDER BY id";
        return Rows(cmd, r => r.GetInt64(0));
    }

    /// <summary>Components by id (for explaining which component matched).</summary>
    public IReadOnlyDictionary<long, CatalogComponent> LoadComponents(IReadOnlyCollection<long> ids)
    {
        var result = new Dictionary<long, CatalogComponent>();
        if (ids.Count == 0) return result;
        using var cmd = _db.CreateCommand();
        cmd.CommandText = $"SELECT id, kind, name, invocation, description FROM components WHERE id IN ({string.Join(',', ids)})";
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetInt64(0)] = ReadComponent(r, 1);
        return result;
    }

    /// <summary>Plugins with this exact name, in any marketplace (ordered by id: first indexed first).</summary>
    public IReadOnlyList<StoredPlugin> FindByName(string name)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT id FROM plugins WHERE name = $n ORDER BY id";
        cmd.Parameters.AddWithValue("$n", name);
        var ids = Rows(cmd, r => r.GetInt64(0));
        var loaded = LoadPlugins(ids);
        return ids.Select(i => loaded[i]).ToList();
    }

    /// <summary>Components of one kind that match a full-text query, best first.</summary>
    public IReadOnlyList<ComponentHit> SearchComponents(string match, string kind, int limit) =>
        Remember(_componentSearches, (match, kind, limit), k => SearchComponentsUncached(k.Item1, k.Item2, k.Item3));

    private IReadOnlyList<ComponentHit> SearchComponentsUncached(string match, string kind, int limit)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = """
            SELECT c.plugin_id, p.name, p.marketplace, c.kind, c.name, c.invocation, c.description, bm25(component_text, 3.0, 1.0) AS score
            FROM component_text JOIN components c ON c.id = component_text.rowid JOIN plugins p ON p.id = c.plugin_id
            WHERE component_text MATCH $q AND c.kind = $k ORDER BY score, c.id LIMIT $lim
            """;
        cmd.Parameters.AddWithValue("$q", match);
        cmd.Parameters.AddWithValue("$k", kind);
        cmd.Parameters.AddWithValue("$lim", limit);
        return Rows(cmd, r => new ComponentHit(r.GetInt64(0), r.GetString(1), r.GetString(2), ReadComponent(r, 3), r.GetDouble(7)));
    }

    /// <summary>The component Claude Code would launch for this invocation (<c>plugin:agent</c>, <c>/plugin:command</c>), if indexed.</summary>
    public ComponentHit? FindComponent(string invocation) => Remember(_components, invocation, FindComponentUncached);

    private ComponentHit? FindComponentUncached(string invocation)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = """
            SELECT c.plugin_id, p.name, p.marketplace, c.kind, c.name, c.invocation, c.description
            FROM components c JOIN plugins p ON p.id = c.plugin_id WHERE c.invocation = $i ORDER BY c.id LIMIT 1
            """;
        cmd.Parameters.AddWithValue("$i", invocation);
        using var r = cmd.ExecuteReader();
        return r.Read()
            ? new ComponentHit(r.GetInt64(0), r.GetString(1), r.GetString(2), ReadComponent(r, 3), 0)
            : null;
    }

    /// <summary>Invocations (<c>plugin:agent</c>) of the catalog's agents with this bare name, ordered.</summary>
    public IReadOnlyList<string> AgentsNamed(string name)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT DISTINCT invocation FROM components WHERE kind = $k AND name = $n ORDER BY invocation";
        cmd.Parameters.AddWithValue("$k", ComponentKinds.Agent);
        cmd.Parameters.AddWithValue("$n", name);
        return Rows(cmd, r => r.GetString(0));
    }

    // Restriction shared by the ranked searches: a category (CategoryKey: case and separators aside) and installed plugins only, when asked.
    private static readonly string PluginFilter = $"($cat IS NULL OR {CategoryKey.SqlFunction}(p.category) = $cat) AND ($inst = 0 OR p.installed = 1)";

    /// <summary>FTS5's bm25() over <paramref name="table"/> with one weight per column (round-trip, invariant).</summary>
    private static string Bm25(string table, IReadOnlyList<double> weights) =>
        $"bm25({table}, {string.Join(", ", weights.Select(w => w.ToString("R", CultureInfo.InvariantCulture)))})";

    private static void AddSearchParameters(SqliteCommand cmd, string match, string? category, bool installedOnly, int limit)
    {
        cmd.Parameters.AddWithValue("$q", match);
        cmd.Parameters.AddWithValue("$cat", category is null ? DBNull.Value : CategoryKey.Of(category));
        cmd.Parameters.AddWithValue("$inst", installedOnly ? 1 : 0);
        cmd.Parameters.AddWithValue("$lim", limit);
    }

    private static List<T> Rows<T>(SqliteCommand cmd, Func<SqliteDataReader, T> row)
    {
        using var r = cmd.ExecuteReader();
        var rows = new List<T>();
        while (r.Read()) rows.Add(row(r));
        return rows;
    }

    /// <summary>A component from four columns kind, name, invocation, description starting at <paramref name="first"/>.</summary>
    private static CatalogComponent ReadComponent(SqliteDataReader r, int first) =>
        new(r.GetString(first), r.GetString(first + 1), r.GetString(first + 2), r.GetString(first + 3));

    private const string PluginColumns =
        "SELECT id, name, marketplace, version, description, category, keywords, author, homepage, source, folder, installed, dependencies, display_name FROM plugins";

    private static StoredPlugin ReadPlugin(SqliteDataReader r) => new(r.GetInt64(0), new CatalogPlugin
    {
        Name = r.GetString(1),
        Marketplace = r.GetString(2),
        Version = r.GetString(3),
        Description = r.GetString(4),
        Category = r.GetString(5),
        Keywords = FromJson(r.GetString(6)),
        Author = r.GetString(7),
        Homepage = r.GetString(8),
        Source = r.GetString(9),
        Folder = r.IsDBNull(10) ? null : r.GetString(10),
        Installed = r.GetInt64(11) != 0,
        Dependencies = FromJson(r.GetString(12)),
        DisplayName = r.GetString(13),
    });
}
