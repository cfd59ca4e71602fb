using System.Globalization;
using AgentOps.Orchestration.Catalog.Ranking;
using Microsoft.Data.Sqlite;

namespace AgentOps.Orchestration.Catalog;

// Write side of the catalog: replace one marketplace's rows (plugins, components, full-text rows,
// diagnostics) inside the build's transaction.
public sealed partial class CatalogStore
{
    public SqliteTransaction BeginTransaction()
    {
        // Whatever a write transaction changes, the remembered component queries must not outlive it.
        InvalidateCaches();
        return _db.BeginTransaction();
    }

    public long EnsureSource(CatalogSourceSpec spec, SqliteTransaction tx)
    {
        using var cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO sources(kind, spec) VALUES($k, $s) ON CONFLICT(kind, spec) DO UPDATE SET kind = excluded.kind RETURNING id";
        cmd.Parameters.AddWithValue("$k", spec.Kind);
        cmd.Parameters.AddWithValue("$s", spec.Spec);
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>Removes sources not in <paramref name="keep"/> (their marketplaces go with them).</summary>
    public void RemoveSourcesExcept(IReadOnlySet<long> keep, SqliteTransaction tx)
    {
        foreach (var (id, _) in Sources())
        {
            if (keep.Contains(id)) continue;
            foreach (var m in Marketplaces().Where(m => m.SourceId == id)) RemoveMarketplace(m.Id, tx);
            Run(tx, "DELETE FROM sources WHERE id = $id", ("$id", id));
        }
    }

    public void RemoveMarketplace(long marketplaceId, SqliteTransaction tx)
    {
        InvalidateCaches();
        Run(tx, "DELETE FROM component_text WHERE rowid IN (SELECT c.id FROM components c JOIN plugins p ON p.id = c.plugin_id WHERE p.marketplace_id = $m)", ("$m", marketplaceId));
        Run(tx, "DELETE FROM plugin_text WHERE rowid IN (SELECT id FROM plugins WHERE marketplace_id = $m)", ("$m", marketplaceId));
        Run(tx, "DELETE FROM marketplaces WHERE id = $m", ("$m", marketplaceId));
    }

    /// <summary>Writes a freshly read marketplace, replacing what was stored for its location.</summary>
    public void ReplaceMarketplace(MarketplaceSnapshot m, long sourceId, DateTimeOffset readAt, SqliteTransaction tx)
    {
        InvalidateCaches();
        if (Scalar(_db, "SELECT id FROM marketplaces WHERE location = $l", ("$l", m.Location)) is long old) RemoveMarketplace(old, tx);
        long marketplaceId;
        using (var cmd = _db.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO marketplaces(source_id, location, kind, name, fingerprint, read_at, plugin_count) VALUES($s, $l, $k, $n, $f, $r, $c) RETURNING id";
            cmd.Parameters.AddWithValue("$s", sourceId);
            cmd.Parameters.AddWithValue("$l", m.Location);
            cmd.Parameters.AddWithValue("$k", m.Kind);
            cmd.Parameters.AddWithValue("$n", m.Name);
            cmd.Parameters.AddWithValue("$f", m.Fingerprint);
            cmd.Parameters.AddWithValue("$r", readAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$c", m.Plugins.Count);
            marketplaceId = (long)cmd.ExecuteScalar()!;
        }

        using var plugin = Prepare(tx, "INSERT INTO plugins(marketplace_id, name, marketplace, version, description, category, keywords, author, homepage, source, folder, installed, dependencies, display_name) " +
            "VALUES($m, $name, $mk, $v, $d, $cat, $kw, $a, $h, $src, $f, $i, $deps, $dn) RETURNING id",
            "$m", "$name", "$mk", "$v", "$d", "$cat", "$kw", "$a", "$h", "$src", "$f", "$i", "$deps", "$dn");
        using var pluginText = Prepare(tx, "INSERT INTO plugin_text(rowid, name, description, keywords, category) VALUES($id, $n, $d, $k, $c)",
            "$id", "$n", "$d", "$k", "$c");
        using var component = Prepare(tx, "INSERT INTO components(plugin_id, kind, name, invocation, description) VALUES($p, $k, $n, $i, $d) RETURNING id",
            "$p", "$k", "$n", "$i", "$d");
        using var componentText = Prepare(tx, "INSERT INTO component_text(rowid, name, description) VALUES($id, $n, $d)", "$id", "$n", "$d");

        foreach (var p in m.Plugins)
        {
            Set(plugin, marketplaceId, p.Name, p.Marketplace, p.Version, p.Description, p.Category, ToJson(p.Keywords), p.Author, p.Homepage,
                p.Source, p.Folder, p.Installed ? 1 : 0, ToJson(p.Dependencies), p.DisplayName);
            var pluginId = (long)plugin.ExecuteScalar()!;
            // The name people see (displayName) is searched as a name, beside the id Claude Code installs by.
            // CJK runs are indexed as character pairs: those scripts put no spaces between words (CjkSegmenter).
            Set(pluginText, pluginId, CjkSegmenter.Segmented(SearchedName(p)), CjkSegmenter.Segmented(p.Description),
                CjkSegmenter.Segmented(string.Join(' ', p.Keywords)), CjkSegmenter.Segmented(p.Category));
            pluginText.ExecuteNonQuery();
            foreach (var c in p.Components)
            {
                Set(component, pluginId, c.Kind, c.Name, c.Invocation, c.Description);
                var componentId = (long)component.ExecuteScalar()!;
                Set(componentText, componentId, CjkSegmenter.Segmented(c.Name), CjkSegmenter.Segmented(c.Description));
                componentText.ExecuteNonQuery();
            }
        }

        using var diag = Prepare(tx, "INSERT INTO diagnostics(marketplace_id, code, severity, file, line, col, message) VALUES($m, $c, $s, $f, $l, $col, $msg)",
            "$m", "$c", "$s", "$f", "$l", "$col", "$msg");
        foreach (var d in m.Diagnostics)
        {
            Set(diag, marketplaceId, d.Code, d.Severity.ToString(), d.File, d.Line, d.Column, d.Message);
            diag.ExecuteNonQuery();
        }
    }

    private void Run(SqliteTransaction tx, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(SqliteTransaction tx, string sql, params string[] names)
    {
        var cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var n in names) cmd.Parameters.Add(new SqliteParameter { ParameterName = n });
        cmd.Prepare();
        return cmd;
    }

    private static void Set(SqliteCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
    }
    /// <summary>The id, and the display name when it says more than the id.</summary>
    internal static string SearchedName(CatalogPlugin p) =>
        p.DisplayName.Length == 0 || string.Equals(p.DisplayName, p.Name, StringComparison.OrdinalIgnoreCase) ? p.Name : $"{p.Name} {p.DisplayName}";
}
