using System.Globalization;
using System.Text.Json;
using AgentOps.Core.Diagnostics;
using Microsoft.Data.Sqlite;

namespace AgentOps.Orchestration.Catalog;

/// <summary>A plugin row with its database id.</summary>
public sealed record StoredPlugin(long Id, CatalogPlugin Plugin);

/// <summary>A marketplace row: where it came from and the fingerprint it was read at.</summary>
public sealed record StoredMarketplace(long Id, long SourceId, string Location, string Kind, string Name, string Fingerprint, string ReadAt, int PluginCount);

/// <summary>A top-level source the catalog was built from (a folder, file, git URL or Claude home).</summary>
public sealed record CatalogSourceSpec(string Kind, string Spec);

/// <summary>
/// The persistent catalog: one SQLite file (Microsoft.Data.Sqlite's bundled e_sqlite3, FTS5 built in).
/// <see cref="Open"/> never fails on a bad file: a truncated, corrupt or older-version database is
/// reported (AOP1030/AOP1031), deleted and created anew. Writes happen in one transaction per build,
/// so a build that dies leaves the previous catalog intact.
/// </summary>
public sealed partial class CatalogStore : IDisposable
{
    private readonly SqliteConnection _db;

    private CatalogStore(string path, SqliteConnection db) { Path = path; _db = db; }

    public string Path { get; }
    internal SqliteConnection Connection => _db;

    /// <summary>What the path is when it cannot be a catalog database (a folder, a FIFO — SQLite's open would block on
    /// it —, a device, a link loop), else null (a regular file, or nothing yet). Such a path is refused, never replaced.</summary>
    public static string? NotADatabaseFile(string path) =>
        AgentOps.Core.Security.FileKind.OfTarget(System.IO.Path.GetFullPath(path)) is var kind and not (AgentOps.Core.Security.FileType.Regular or AgentOps.Core.Security.FileType.Missing)
            ? AgentOps.Core.Security.FileKind.Describe(kind) : null;

    public static CatalogStore Open(string path, List<Diagnostic> diagnostics)
    {
        path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        if (NotADatabaseFile(path) is { } what)
            throw new IOException($"catalog database {path} is {what}, not a database file: not touched");
        if (File.Exists(path) && CatalogSchema.LooksTruncated(path))
        {
            if (CatalogSchema.IsSqlite(path))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.CatalogDatabaseCorrupt, DiagnosticSeverity.Warning, path, 0, 0,
                    "catalog database is truncated; rebuilding it"));
                Delete(path);
            }
            else
            {
                // Not SQLite at all: not ours (a --db pointed at the wrong file?). Kept beside, never deleted.
                var aside = $"{path}.not-a-catalog-{DateTime.UtcNow:yyyyMMddHHmmss}";
                File.Move(path, aside);
                diagnostics.Add(new Diagnostic(DiagnosticCodes.CatalogDatabaseCorrupt, DiagnosticSeverity.Warning, path, 0, 0,
                    $"not a SQLite database: moved to {System.IO.Path.GetFileName(aside)} (nothing deleted); building a new catalog"));
            }
        }
        try { return OpenChecked(path, diagnostics); }
        catch (SqliteException ex)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.CatalogDatabaseCorrupt, DiagnosticSeverity.Warning, path, 0, 0,
                $"catalog database is unreadable ({ex.Message}); rebuilding it"));
            Delete(path);
            return OpenChecked(path, diagnostics);
        }
    }

    private static CatalogStore OpenChecked(string path, List<Diagnostic> diagnostics)
    {
        var db = Connect(path);
        try
        {
            var version = Convert.ToInt32(Scalar(db, "PRAGMA user_version"), CultureInfo.InvariantCulture);
            var tables = Convert.ToInt32(Scalar(db, "SELECT count(*) FROM sqlite_master"), CultureInfo.InvariantCulture);
            if (tables > 0 && version != CatalogSchema.Version)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.CatalogDatabaseVersion, DiagnosticSeverity.Info, path, 0, 0,
                    $"catalog database has schema version {version}, this tool uses {CatalogSchema.Version}; rebuilding it"));
                db.Dispose();
                Delete(path);
                db = Connect(path);
                tables = 0;
            }
            if (tables == 0) Execute(db, CatalogSchema.Ddl);
            return new CatalogStore(path, db);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    private static SqliteConnection Connect(string path)
    {
        // No pooling: a corrupt file must really be closed before it is deleted and rebuilt.
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
        db.Open();
        Execute(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;");
        // The category filter compares keys, in SQL exactly as in memory (CategoryKey).
        db.CreateFunction(CategoryKey.SqlFunction, (string? category) => category is null ? null : CategoryKey.Of(category), isDeterministic: true);
        return db;
    }

    /// <summary>Deletes a database file and its journals.</summary>
    public static void Delete(string path)
    {
        foreach (var p in new[] { path, path + "-journal", path + "-wal", path + "-shm" })
            if (File.Exists(p)) File.Delete(p);
    }

    public void Dispose() => _db.Dispose();

    internal static object? Scalar(SqliteConnection db, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v ?? DBNull.Value);
        return cmd.ExecuteScalar();
    }

    internal static void Execute(SqliteConnection db, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    // ---- sources and marketplaces -------------------------------------------------------------

    public IReadOnlyList<(long Id, CatalogSourceSpec Spec)> Sources()
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT id, kind, spec FROM sources ORDER BY id";
        using var r = cmd.ExecuteReader();
        var list = new List<(long, CatalogSourceSpec)>();
        while (r.Read()) list.Add((r.GetInt64(0), new CatalogSourceSpec(r.GetString(1), r.GetString(2))));
        return list;
    }

    public IReadOnlyList<StoredMarketplace> Marketplaces()
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT id, source_id, location, kind, name, fingerprint, read_at, plugin_count FROM marketplaces ORDER BY name, location";
        using var r = cmd.ExecuteReader();
        var list = new List<StoredMarketplace>();
        while (r.Read())
            list.Add(new StoredMarketplace(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetInt32(7)));
        return list;
    }

    public IReadOnlyList<Diagnostic> StoredDiagnostics()
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT code, severity, file, line, col, message FROM diagnostics ORDER BY rowid";
        using var r = cmd.ExecuteReader();
        var list = new List<Diagnostic>();
        while (r.Read())
            list.Add(new Diagnostic(r.GetString(0), Enum.Parse<DiagnosticSeverity>(r.GetString(1)), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetString(5)));
        return list;
    }

    public int PluginCount() => Convert.ToInt32(Scalar(_db, "SELECT count(*) FROM plugins"), CultureInfo.InvariantCulture);
    public int ComponentCount() => Convert.ToInt32(Scalar(_db, "SELECT count(*) FROM components"), CultureInfo.InvariantCulture);

    // String lists are stored as JSON arrays, written and read without reflection (trim- and AOT-safe).
    internal static string ToJson(IReadOnlyList<string> items)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartArray();
            foreach (var i in items) w.WriteStringValue(i);
            w.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    internal static IReadOnlyList<string> FromJson(string json)
    {
        if (json.Length == 0) return [];
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().Select(e => e.GetString() ?? "").ToList();
    }
}
