namespace AgentOps.Core.Diagnostics;

// Catalog, ranking and planning: AOP1000–1099 (docs/diagnostics.md, docs/meta-orchestrator/CATALOG_AND_PLANNING.md).
// Every catalog problem is reported and skipped: one bad marketplace or plugin never hides the rest.
public static partial class DiagnosticCodes
{
    // 1000–1029 reading marketplaces and plugins.
    /// <summary>A marketplace source (folder, file, git URL) does not exist or is not a marketplace.</summary>
    public const string CatalogSourceNotFound = "AOP1000";
    /// <summary>A marketplace.json (or known_marketplaces.json / installed_plugins.json) is not valid JSON: skipped.</summary>
    public const string CatalogJsonInvalid = "AOP1001";
    /// <summary>A marketplace.json has no <c>plugins</c> array (or is not an object): nothing indexed from it.</summary>
    public const string CatalogMarketplaceShape = "AOP1002";
    /// <summary>A marketplace entry is not an object or has no usable name: that entry is skipped.</summary>
    public const string CatalogEntryInvalid = "AOP1003";
    /// <summary>Two entries of one marketplace have the same plugin name: the second is skipped.</summary>
    public const string CatalogDuplicatePlugin = "AOP1004";
    /// <summary>A local plugin source folder is missing: the plugin is indexed from its entry alone.</summary>
    public const string CatalogSourceFolderMissing = "AOP1005";
    /// <summary>A plugin source escapes its marketplace root: the folder is not read, the entry alone is indexed.</summary>
    public const string CatalogSourceEscapes = "AOP1006";
    /// <summary>A plugin.json is unreadable or invalid: the plugin is indexed from its entry alone.</summary>
    public const string CatalogPluginManifestInvalid = "AOP1007";
    /// <summary>A command, agent or skill file cannot be read or its frontmatter does not parse: that component is skipped.</summary>
    public const string CatalogComponentInvalid = "AOP1008";
    /// <summary>A .agentplugin project is not valid XML: the plugin is indexed from what else is known.</summary>
    public const string CatalogProjectInvalid = "AOP1009";
    /// <summary>Cloning or fetching a git marketplace failed: the last indexed copy (if any) is kept.</summary>
    public const string CatalogGitFailed = "AOP1010";
    /// <summary>A Claude Code file (known_marketplaces.json, installed_plugins.json) has an unexpected shape.</summary>
    public const string CatalogClaudeHomeInvalid = "AOP1011";
    /// <summary>A marketplace Claude Code knows has no folder at its install location: skipped.</summary>
    public const string CatalogKnownMarketplaceMissing = "AOP1012";
    /// <summary>Two sources declare a marketplace with the same name: both are indexed, told apart by location.</summary>
    public const string CatalogDuplicateMarketplace = "AOP1013";

    // 1030–1049 the index file.
    /// <summary>The catalog database is unreadable or corrupt (e.g. truncated): it is deleted and rebuilt.</summary>
    public const string CatalogDatabaseCorrupt = "AOP1030";
    /// <summary>The catalog database was written by another schema version: it is rebuilt.</summary>
    public const string CatalogDatabaseVersion = "AOP1031";

    // 1050–1069 queries and ranking.
    /// <summary>The query has no searchable word (empty, only punctuation or stop words).</summary>
    public const string QueryEmpty = "AOP1050";
    /// <summary>The query is longer than the limit: only its first words are used.</summary>
    public const string QueryTruncated = "AOP1051";
    /// <summary>A learned pattern could not be read: it does not contribute learned signals.</summary>
    public const string LearnedPatternSkipped = "AOP1052";
    /// <summary>A dependency is not in the catalog: the closure lists it as missing.</summary>
    public const string ClosureDependencyMissing = "AOP1053";
    /// <summary>Dependencies form a cycle: the closure stops at the repeated plugin.</summary>
    public const string ClosureDependencyCycle = "AOP1054";
    /// <summary>The sentence-embedding model is not available: plugins are ranked by words only.</summary>
    public const string SemanticUnavailable = "AOP1055";
    /// <summary>The query is mostly outside what the model knows (another script, unknown word pieces): meaning-based ranking is weak for it.</summary>
    public const string QueryOutsideModel = "AOP1056";
    /// <summary>The query is longer than the model reads: only its first word pieces count for meaning.</summary>
    public const string QueryTruncatedForModel = "AOP1057";
    /// <summary>Some catalog plugins have no vectors yet (built without the model): they are found by words only until `agentops catalog` runs.</summary>
    public const string CatalogVectorsMissing = "AOP1058";
    /// <summary>The query was read in English through the glossary of the catalog's words in other languages.</summary>
    public const string QueryTranslated = "AOP1059";

    // 1070–1099 planning.
    /// <summary>The task text has no words to plan from.</summary>
    public const string PlanTaskEmpty = "AOP1070";
    /// <summary>A planned agent or command is not in the catalog: the step keeps its name, install its plugin.</summary>
    public const string PlanAgentNotInCatalog = "AOP1071";
    /// <summary>Incompatible planning options (e.g. --parallel with --conservative).</summary>
    public const string PlanOptionsConflict = "AOP1072";
}
