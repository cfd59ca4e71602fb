using Microsoft.Data.Sqlite;
using System.Globalization;
using System.Runtime.InteropServices;

namespace AgentOps.Orchestration.Catalog;

/// <summary>Plugin and component vectors held in memory for dense search: one contiguous row-major matrix each.</summary>
public sealed class DenseIndex
{
    public required string ModelId { get; init; }
    public required int Dimensions { get; init; }
    public required long[] PluginIds { get; init; }
    public required float[] PluginMatrix { get; init; }
    public required long[] ComponentIds { get; init; }
    public required long[] ComponentOwners { get; init; }
    public required float[] ComponentMatrix { get; init; }
    /// <summary>Plugins in the catalog without a vector (indexed while the model was unavailable).</summary>
    public required int PluginsWithoutVectors { get; init; }
    /// <summary>Extra vectors of parts of a plugin's own text (e.g. its description's sentences), each owned by a plugin id;
    /// scored like the plugin vector (multi-vector representation). Empty unless given.</summary>
    public long[] ChunkOwners { get; init; } = [];
    public float[] ChunkMatrix { get; init; } = [];

    private Dictionary<long, int>? _pluginRows;
    private ILookup<long, (int Row, long ComponentId)>? _componentRows;
    private int[]? _componentOwnerRows;
    private int[]? _chunkOwnerRows;

    public static readonly DenseIndex Empty = new()
    {
        ModelId = "", Dimensions = 0, PluginIds = [], PluginMatrix = [], ComponentIds = [], ComponentOwners = [], ComponentMatrix = [], PluginsWithoutVectors = 0,
    };

    /// <summary>For each component row, the row of its plugin's vector (−1 when the plugin has none): made once per index.</summary>
    public int[] ComponentOwnerRows => _componentOwnerRows ??= ComponentOwners.Select(owner => PluginRowOf(owner) ?? -1).ToArray();

    /// <summary>For each chunk row, the row of its plugin's vector (−1 when the plugin has none).</summary>
    public int[] ChunkOwnerRows => _chunkOwnerRows ??= ChunkOwners.Select(owner => PluginRowOf(owner) ?? -1).ToArray();

    /// <summary>Builds the lookups once, before the index is read from several threads (each is a lazily set field).</summary>
    public void Prepare()
    {
        _ = ComponentOwnerRows;
        _ = ChunkOwnerRows;
        _ = ComponentRowsOf(0);
    }

    public ReadOnlySpan<float> PluginRow(int i) => PluginMatrix.AsSpan(i * Dimensions, Dimensions);

    /// <summary>The row of a plugin's vector, or null when it has none.</summary>
    public int? PluginRowOf(long pluginId)
    {
        _pluginRows ??= PluginIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return _pluginRows.TryGetValue(pluginId, out var row) ? row : null;
    }

    /// <summary>Rows of a plugin's component vectors with the component ids.</summary>
    public IEnumerable<(int Row, long ComponentId)> ComponentRowsOf(long pluginId)
    {
        _componentRows ??= ComponentOwners.Select((owner, i) => (owner, i)).ToLookup(x => x.owner, x => (x.i, ComponentIds[x.i]));
        return _componentRows[pluginId];
    }
    public ReadOnlySpan<float> ComponentRow(int i) => ComponentMatrix.AsSpan(i * Dimensions, Dimensions);
}

/// <summary>A row that needs a vector: its id, owner plugin and the text to embed.</summary>
public sealed record VectorWork(long Id, long PluginId, string Text);

// Vector side of the catalog: which rows lack vectors, writing them, and the in-memory matrix for queries.
public sealed partial class CatalogStore
{
    private DenseIndex? _dense;
    private (long[] Owners, float[] Matrix)? _chunkOverride;

    /// <summary>Experiments (bench): chunk vectors attached to the in-memory index, not stored; null removes them.</summary>
    public void UseChunkVectors(long[]? owners, float[]? matrix)
    {
        _chunkOverride = owners is null || matrix is null ? null : (owners, matrix);
        _dense = null;
    }
    private IReadOnlyList<(string Term, int Documents)>? _vocabulary;

    private void InvalidateCaches()
    {
        _dense = null;
        _vocabulary = null;
        ForgetComponentQueries();
    }

    public string? EmbeddingModelId() =>
        Scalar(_db, "SELECT value FROM meta WHERE key = $k", ("$k", CatalogSchema.EmbeddingModelKey)) as string;

    /// <summary>Records the model of the stored vectors; a different model than before drops every vector (spaces differ).</summary>
    public void UseEmbeddingModel(string modelId)
    {
        if (EmbeddingModelId() == modelId) return;
        using var tx = _db.BeginTransaction();
        Run(tx, "DELETE FROM plugin_vectors");
        Run(tx, "DELETE FROM component_vectors");
        Run(tx, "INSERT INTO meta(key, value) VALUES($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            ("$k", CatalogSchema.EmbeddingModelKey), ("$v", modelId));
        tx.Commit();
        _dense = null;
    }

    public int PluginsWithoutVectorsCount() =>
        Convert.ToInt32(Scalar(_db, "SELECT count(*) FROM plugins p LEFT JOIN plugin_vectors v ON v.plugin_id = p.id WHERE v.plugin_id IS NULL"), CultureInfo.InvariantCulture);

    private const string PluginTextColumns = """
        p.id, CASE WHEN p.display_name = '' THEN p.name ELSE p.name || ' ' || p.display_name END, p.description, p.category, p.keywords,
        (SELECT group_concat(c.name, ', ') FROM (SELECT name FROM components WHERE plugin_id = p.id AND kind IN ('agent','command','skill') ORDER BY id LIMIT 12) c)
        """;
    private const string EmbeddedComponents = "c.kind IN ('agent','command','skill') AND length(c.description) > 0";

    private static string PluginText(SqliteDataReader r) =>
        EmbeddingText.ForPlugin(r.GetString(1), r.GetString(2), r.GetString(3), FromJson(r.GetString(4)), r.IsDBNull(5) ? "" : r.GetString(5));

    /// <summary>Plugins without a vector, with the text their vector is made from.</summary>
    public IReadOnlyList<VectorWork> PluginsWithoutVectors()
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = $"SELECT {PluginTextColumns} FROM plugins p LEFT JOIN plugin_vectors v ON v.plugin_id = p.id WHERE v.plugin_id IS NULL ORDER BY p.id";
        using var r = cmd.ExecuteReader();
        var list = new List<VectorWork>();
        while (r.Read()) list.Add(new VectorWork(r.GetInt64(0), r.GetInt64(0), PluginText(r)));
        return list;
    }

    /// <summary>Components (agents, commands, skills with a description) without a vector.</summary>
    public IReadOnlyList<VectorWork> ComponentsWithoutVectors()
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = $"""
            SELECT c.id, c.plugin_id, c.kind, c.name, c.description FROM components c LEFT JOIN component_vectors v ON v.component_id = c.id
            WHERE v.component_id IS NULL AND {EmbeddedComponents} ORDER BY c.id
            """;
        using var r = cmd.ExecuteReader();
        var list = new List<VectorWork>();
        while (r.Read())
            list.Add(new VectorWork(r.GetInt64(0), r.GetInt64(1), EmbeddingText.ForComponent(r.GetString(2), r.GetString(3), r.GetString(4))));
        return list;
    }

    /// <summary>
    /// The stored vectors of these marketplaces' plugins and components by the text each was made from, when they were
    /// made by <paramref name="modelId"/>: read before the marketplaces are re-read (which replaces their rows and drops
    /// their vectors), so a plugin whose text did not change gets its vector back without running the model.
    /// </summary>
    public Dictionary<string, float[]> VectorsByText(IReadOnlyCollection<long> marketplaceIds, string modelId, int dimensions)
    {
        var known = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (marketplaceIds.Count == 0 || EmbeddingModelId() != modelId) return known;
        var bytes = dimensions * sizeof(float);
        foreach (var id in marketplaceIds)
        {
            using (var cmd = _db.CreateCommand())
            {
                cmd.CommandText = $"SELECT {PluginTextColumns}, v.vector FROM plugins p JOIN plugin_vectors v ON v.plugin_id = p.id WHERE p.marketplace_id = $m";
                cmd.Parameters.AddWithValue("$m", id);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                    if (r.GetBytes(6, 0, null, 0, 0) == bytes) known[PluginText(r)] = Vector(r, 6, dimensions);
            }
            using (var cmd = _db.CreateCommand())
            {
                cmd.CommandText = $"""
                    SELECT c.kind, c.name, c.description, v.vector FROM components c JOIN component_vectors v ON v.component_id = c.id
                    JOIN plugins p ON p.id = c.plugin_id WHERE p.marketplace_id = $m AND {EmbeddedComponents}
                    """;
                cmd.Parameters.AddWithValue("$m", id);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                    if (r.GetBytes(3, 0, null, 0, 0) == bytes) known[EmbeddingText.ForComponent(r.GetString(0), r.GetString(1), r.GetString(2))] = Vector(r, 3, dimensions);
            }
        }
        return known;
    }

    private static float[] Vector(SqliteDataReader r, int column, int dimensions)
    {
        var buffer = new byte[dimensions * sizeof(float)];
        r.GetBytes(column, 0, buffer, 0, buffer.Length);
        return MemoryMarshal.Cast<byte, float>(buffer).ToArray();
    }

    /// <summary>Writes vectors for <paramref name="work"/> rows (plugins or components) in one transaction.</summary>
    public void WriteVectors(IReadOnlyList<VectorWork> work, IReadOnlyList<float[]> vectors, bool components)
    {
        using var tx = _db.BeginTransaction();
        using var cmd = components
            ? Prepare(tx, "INSERT OR REPLACE INTO component_vectors(component_id, plugin_id, vector) VALUES($id, $p, $v)", "$id", "$p", "$v")
            : Prepare(tx, "INSERT OR REPLACE INTO plugin_vectors(plugin_id, vector) VALUES($id, $v)", "$id", "$v");
        for (var i = 0; i < work.Count; i++)
        {
            var blob = MemoryMarshal.AsBytes(vectors[i].AsSpan()).ToArray();
            if (components) Set(cmd, work[i].Id, work[i].PluginId, blob);
            else Set(cmd, work[i].Id, blob);
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
        _dense = null;
    }

    /// <summary>The vectors as matrices, read once per open store (a catalog write invalidates them).</summary>
    public DenseIndex? Dense(int dimensions)
    {
        var model = EmbeddingModelId();
        if (model is null) return null;
        if (_dense is { } cached && cached.ModelId == model && cached.Dimensions == dimensions) return cached;
        var (pluginIds, _, pluginMatrix) = ReadVectors("plugin_vectors", "plugin_id", "plugin_id", dimensions);
        var (componentIds, owners, componentMatrix) = ReadVectors("component_vectors", "component_id", "plugin_id", dimensions);
        return _dense = new DenseIndex
        {
            ModelId = model, Dimensions = dimensions,
            PluginIds = pluginIds, PluginMatrix = pluginMatrix,
            ComponentIds = componentIds, ComponentOwners = owners, ComponentMatrix = componentMatrix,
            PluginsWithoutVectors = PluginsWithoutVectorsCount(),
            ChunkOwners = _chunkOverride?.Owners ?? [], ChunkMatrix = _chunkOverride?.Matrix ?? [],
        };
    }

    private (long[] Ids, long[] Owners, float[] Matrix) ReadVectors(string table, string idColumn, string ownerColumn, int dimensions)
    {
        // One allocation of the final size: the rows are counted first, then each blob is copied straight into its row.
        var capacity = Convert.ToInt32(Scalar(_db, $"SELECT count(*) FROM {table}"), CultureInfo.InvariantCulture);
        var ids = new long[capacity];
        var owners = new long[capacity];
        var matrix = new float[(long)capacity * dimensions];
        var bytes = dimensions * sizeof(float);
        var n = 0;
        var buffer = new byte[bytes];
        using var cmd = _db.CreateCommand();
        cmd.CommandText = $"SELECT {idColumn}, {ownerColumn}, vector FROM {table} ORDER BY {idColumn}";
        using var r = cmd.ExecuteReader();
        while (r.Read() && n < capacity)
        {
            if (r.GetBytes(2, 0, null, 0, 0) != bytes) continue; // written with another dimension: ignored, re-made on the next build
            r.GetBytes(2, 0, buffer, 0, bytes);
            buffer.CopyTo(MemoryMarshal.AsBytes(matrix.AsSpan(n * dimensions, dimensions)));
            ids[n] = r.GetInt64(0);
            owners[n] = r.GetInt64(1);
            n++;
        }
        return n == capacity ? (ids, owners, matrix) : (ids[..n], owners[..n], matrix[..(n * dimensions)]);
    }

    /// <summary>Whether any of <paramref name="terms"/> is an indexed term of plugin text (one indexed lookup, no scan).</summary>
    public bool PluginVocabularyHasAny(IReadOnlyCollection<string> terms)
    {
        if (terms.Count == 0) return false;
        using var cmd = _db.CreateCommand();
        var names = terms.Select((t, i) => "$t" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        cmd.CommandText = $"SELECT 1 FROM plugin_vocab WHERE term IN ({string.Join(", ", names)}) LIMIT 1";
        foreach (var (name, term) in names.Zip(terms)) cmd.Parameters.AddWithValue(name, term);
        return cmd.ExecuteScalar() is not null;
    }

    /// <summary>Indexed terms of plugin text (stemmed, as FTS5 stores them) with their document counts, for typo tolerance.</summary>
    public IReadOnlyList<(string Term, int Documents)> PluginVocabulary() => _vocabulary ??= ReadVocabulary();

    private List<(string Term, int Documents)> ReadVocabulary()
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT term, doc FROM plugin_vocab";
        using var r = cmd.ExecuteReader();
        var list = new List<(string, int)>();
        while (r.Read()) list.Add((r.GetString(0), r.GetInt32(1)));
        return list;
    }
}
