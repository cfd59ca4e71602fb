using System.Buffers.Binary;

namespace AgentOps.Orchestration.Catalog;

/// <summary>
/// The catalog database layout (SQLite, FTS5). <see cref="Version"/> is stored in <c>PRAGMA
/// user_version</c>; a file written by any other version is rebuilt rather than read.
/// FTS tables use the Porter stemmer over unicode61 (so "deployments" matches "deploy", any script
/// tokenizes), and their rowid is the id of the row they index.
/// </summary>
public static class CatalogSchema
{
    // 7: LSP servers are components; an unchanged marketplace read by 6 would otherwise never gain them.
    public const int Version = 7;

    /// <summary>Column order of <c>plugin_text</c>; <see cref="Ranking.RankingWeights"/> weights follow it. Components are
    /// indexed apart (<c>component_text</c>): bm25() normalises by the whole row's length, so a plugin with many
    /// well-described components would otherwise be penalised on its name and description.</summary>
    public static readonly string[] PluginTextColumns = ["name", "description", "keywords", "category"];

    public const string Tokenizer = "porter unicode61 remove_diacritics 2";

    /// <summary><c>meta</c> key holding the <see cref="Embeddings.ITextEmbedder.ModelId"/> the stored vectors were made with.</summary>
    public const string EmbeddingModelKey = "embedding_model";

    public static readonly string Ddl = $"""
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE sources(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, spec TEXT NOT NULL, UNIQUE(kind, spec));
        CREATE TABLE marketplaces(
            id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, location TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
            name TEXT NOT NULL, fingerprint TEXT NOT NULL, read_at TEXT NOT NULL, plugin_count INTEGER NOT NULL);
        CREATE TABLE plugins(
            id INTEGER PRIMARY KEY, marketplace_id INTEGER NOT NULL REFERENCES marketplaces(id) ON DELETE CASCADE,
            name TEXT NOT NULL, marketplace TEXT NOT NULL, version TEXT NOT NULL, description TEXT NOT NULL,
            category TEXT NOT NULL, keywords TEXT NOT NULL, author TEXT NOT NULL, homepage TEXT NOT NULL,
            source TEXT NOT NULL, folder TEXT, installed INTEGER NOT NULL, dependencies TEXT NOT NULL,
            display_name TEXT NOT NULL DEFAULT '');
        CREATE INDEX plugins_by_name ON plugins(name);
        CREATE INDEX plugins_by_marketplace ON plugins(marketplace_id);
        CREATE TABLE components(
            id INTEGER PRIMARY KEY, plugin_id INTEGER NOT NULL REFERENCES plugins(id) ON DELETE CASCADE,
            kind TEXT NOT NULL, name TEXT NOT NULL, invocation TEXT NOT NULL, description TEXT NOT NULL);
        CREATE INDEX components_by_plugin ON components(plugin_id);
        CREATE INDEX components_by_invocation ON components(invocation);
        CREATE TABLE diagnostics(
            marketplace_id INTEGER NOT NULL REFERENCES marketplaces(id) ON DELETE CASCADE,
            code TEXT NOT NULL, severity TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL, message TEXT NOT NULL);
        CREATE INDEX diagnostics_by_marketplace ON diagnostics(marketplace_id);
        CREATE VIRTUAL TABLE plugin_text USING fts5({string.Join(", ", PluginTextColumns)}, tokenize='{Tokenizer}');
        CREATE VIRTUAL TABLE component_text USING fts5(name, description, tokenize='{Tokenizer}');
        CREATE VIRTUAL TABLE plugin_vocab USING fts5vocab(plugin_text, 'row');
        CREATE TABLE plugin_vectors(plugin_id INTEGER PRIMARY KEY REFERENCES plugins(id) ON DELETE CASCADE, vector BLOB NOT NULL);
        CREATE TABLE component_vectors(
            component_id INTEGER PRIMARY KEY REFERENCES components(id) ON DELETE CASCADE, plugin_id INTEGER NOT NULL, vector BLOB NOT NULL);
        CREATE INDEX component_vectors_by_plugin ON component_vectors(plugin_id);
        PRAGMA user_version = {Version};
        """;

    /// <summary>Whether the file starts with SQLite's header: a file without it was never a catalog.</summary>
    public static bool IsSqlite(string path)
    {
        try
        {
            using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            Span<byte> header = stackalloc byte[16];
            return f.Read(header) == 16 && header.SequenceEqual("SQLite format 3\0"u8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>
    /// Whether the file is shorter than its SQLite header says (a truncated copy). Reading the 100-byte
    /// header is far cheaper than <c>PRAGMA quick_check</c> on every query; deeper damage surfaces as
    /// SQLITE_CORRUPT on use and is handled there.
    /// </summary>
    public static bool LooksTruncated(string path)
    {
        try
        {
            using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (f.Length == 0) return false; // an empty file is a new database to SQLite
            Span<byte> header = stackalloc byte[100];
            if (f.Read(header) < 100) return true;
            if (!header[..16].SequenceEqual("SQLite format 3\0"u8)) return true;
            var pageSize = (long)BinaryPrimitives.ReadUInt16BigEndian(header[16..]);
            if (pageSize == 1) pageSize = 65536;
            var pages = BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
            var changeCounter = BinaryPrimitives.ReadUInt32BigEndian(header[24..]);
            var validFor = BinaryPrimitives.ReadUInt32BigEndian(header[92..]);
            return changeCounter == validFor && pages > 0 && f.Length < pages * pageSize;
        }
        catch (IOException) { return true; }
    }
}
