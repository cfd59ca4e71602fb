namespace AgentOps.Core.Diagnostics;

// Codes of the validation rules (branch `validation`). One row each in docs/diagnostics.md.
public static partial class DiagnosticCodes
{
    // 0001–0099 manifests and schemas (plugin.json, marketplace.json, hooks.json).
    /// <summary>A JSON file does not parse.</summary>
    public const string JsonSyntax = "AOP0001";
    /// <summary>A manifest value has the wrong JSON type (string expected, array expected…).</summary>
    public const string SchemaWrongType = "AOP0002";
    /// <summary>A required manifest property is missing.</summary>
    public const string SchemaRequiredMissing = "AOP0003";
    /// <summary>A property Claude Code does not know (it ignores it at load time): a warning, like the CLI.</summary>
    public const string SchemaUnknownProperty = "AOP0004";
    /// <summary>A manifest value has the right type but a value Claude Code rejects (pattern, enum, URL, form).</summary>
    public const string SchemaInvalidValue = "AOP0005";
    /// <summary>A plugin or marketplace name that is not kebab-case (the CLI warns: claude.ai sync needs it).</summary>
    public const string NameNotKebabCase = "AOP0006";
    /// <summary>A component path listed in plugin.json (commands, agents, skills, hooks, mcpServers…) does not exist.</summary>
    public const string ComponentPathMissing = "AOP0007";
    /// <summary>A plugin folder has no .claude-plugin/plugin.json.</summary>
    public const string PluginManifestMissing = "AOP0008";
    /// <summary>A marketplace folder has no .claude-plugin/marketplace.json.</summary>
    public const string MarketplaceManifestMissing = "AOP0009";
    /// <summary>marketplace.json has neither "description" nor "metadata.description" (the CLI warns).</summary>
    public const string MarketplaceDescriptionMissing = "AOP0010";
    /// <summary>A JSON object names the same key twice: JSON.parse silently keeps the last, so what a reviewer reads is not what runs.</summary>
    public const string JsonDuplicateKey = "AOP0011";
    /// <summary>plugin.json `network` is not `{ "hosts": [...] }` or a host is not in a form Claude Code's sandbox takes (ignored at load time).</summary>
    public const string NetworkHostsInvalid = "AOP0012";
    /// <summary>A plugin name with "claude", "anthropic" or "anthropics" as one of its words reads as Anthropic's own (the CLI warns).</summary>
    public const string PluginNameReadsAsAnthropic = "AOP0013";

    // 0103–0199 component frontmatter (commands, agents, skills).
    /// <summary>A command, agent or skill file has no frontmatter block (the CLI warns).</summary>
    public const string FrontmatterMissing = "AOP0103";
    /// <summary>A command has no `description` (the CLI warns).</summary>
    public const string CommandDescriptionMissing = "AOP0104";
    /// <summary>An agent or skill lacks `name` or `description`.</summary>
    public const string ComponentFieldMissing = "AOP0105";
    /// <summary>`tools` / `allowed-tools` names a tool Claude Code does not have.</summary>
    public const string UnknownTool = "AOP0106";
    /// <summary>`model` is not sonnet/opus/haiku/inherit or a full claude-* id.</summary>
    public const string UnknownModel = "AOP0107";
    /// <summary>A frontmatter field has the wrong shape (a mapping where text is expected…).</summary>
    public const string FrontmatterFieldWrongType = "AOP0108";
    /// <summary>Frontmatter beyond the parsing bounds: nested deeper than 64 levels, aliases expanding past 10,000 nodes
    /// ("billion laughs"), more than 10,000 nodes, or a line over 64 KB. Not parsed further.</summary>
    public const string FrontmatterTooComplex = "AOP0109";

    // 0200–0299 learned patterns (plugins/agentops-meta-orchestrator/docs/PATTERN_FORMAT.md).
    /// <summary>A pattern file has no frontmatter.</summary>
    public const string PatternFrontmatterMissing = "AOP0200";
    /// <summary>A required pattern field is missing.</summary>
    public const string PatternFieldMissing = "AOP0201";
    /// <summary>`pattern_id` is not [a-z0-9][a-z0-9_-]{0,63} or holds path characters.</summary>
    public const string PatternIdInvalid = "AOP0202";
    /// <summary>`category` is not kebab-case.</summary>
    public const string PatternCategoryInvalid = "AOP0203";
    /// <summary>`created` / `updated` is not an ISO date.</summary>
    public const string PatternDateInvalid = "AOP0204";
    /// <summary>`success_rate` is not a number in [0, 1].</summary>
    public const string PatternSuccessRateInvalid = "AOP0205";
    /// <summary>`executions` is not an integer >= 3.</summary>
    public const string PatternExecutionsInvalid = "AOP0206";
    /// <summary>`validated` is not a boolean.</summary>
    public const string PatternValidatedInvalid = "AOP0207";
    /// <summary>A required section (## Context, ## Workflow, ## Metrics) is missing.</summary>
    public const string PatternSectionMissing = "AOP0208";
    /// <summary>A pattern has no `created` date (the seed's own form allows it): dated by its first execution, else `updated`, else the day it is read.</summary>
    public const string PatternCreatedMissing = "AOP0209";

    // 0300–0399 plugin dependency graph.
    /// <summary>A plugin depends on a plugin the marketplace does not have.</summary>
    public const string DependencyMissing = "AOP0300";
    /// <summary>Plugins depend on each other in a cycle.</summary>
    public const string DependencyCycle = "AOP0301";
    /// <summary>The dependency's version does not satisfy the declared constraint.</summary>
    public const string DependencyVersionUnsatisfied = "AOP0302";
    /// <summary>A version constraint (or the version it is checked against) is not semver.</summary>
    public const string DependencyConstraintInvalid = "AOP0303";

    // 0400–0499 files, links and sources.
    /// <summary>A file cannot be read (permissions, I/O error, not found).</summary>
    public const string FileUnreadable = "AOP0400";
    /// <summary>A manifest or Markdown file is empty.</summary>
    public const string FileEmpty = "AOP0401";
    /// <summary>A file expected to be text holds NUL bytes (binary).</summary>
    public const string FileBinary = "AOP0402";
    /// <summary>A text file is not valid UTF-8, or is UTF-16 or UTF-32 (told by its byte-order mark or NULs in every other byte).</summary>
    public const string FileNotUtf8 = "AOP0403";
    /// <summary>A manifest or Markdown file is larger than the limit (10 MB).</summary>
    public const string FileTooLarge = "AOP0404";
    /// <summary>A symbolic link points at nothing.</summary>
    public const string SymlinkBroken = "AOP0405";
    /// <summary>A symbolic link resolves to itself through a loop.</summary>
    public const string SymlinkLoop = "AOP0406";
    /// <summary>A symbolic link inside a plugin resolves outside the plugin and the marketplace.</summary>
    public const string SymlinkEscapes = "AOP0407";
    /// <summary>A path read from a folder is not a regular file (FIFO, device, socket): never opened (a FIFO blocks a reader forever).</summary>
    public const string NotRegularFile = "AOP0408";
    /// <summary>A folder cannot be listed (permissions, I/O): its files are not checked.</summary>
    public const string FolderUnreadable = "AOP0409";
    /// <summary>A component or icon path of plugin.json is absolute, climbs out with '..', has an empty or '.' segment, or holds a control character.</summary>
    public const string UnsafePath = "AOP0413";
    /// <summary>A remote source is unsafe: github repo or git-subdir path with '..', npm package that is not a package name, URL with a password or a command transport.</summary>
    public const string UnsafeSource = "AOP0414";
    /// <summary>A plugin `source` escapes the marketplace root (.., absolute path, symlink outside).</summary>
    public const string SourceEscapesRoot = "AOP0410";
    /// <summary>A local plugin `source` folder does not exist.</summary>
    public const string SourceFolderMissing = "AOP0411";
    /// <summary>Two marketplace entries have the same plugin name.</summary>
    public const string DuplicatePluginName = "AOP0412";
    /// <summary>An expected core/ backward-compatibility link is missing.</summary>
    public const string CoreLinkMissing = "AOP0420";
    /// <summary>A core/ link exists but its target does not.</summary>
    public const string CoreLinkBroken = "AOP0421";
    /// <summary>A core/ link points somewhere other than the expected target (or is not a link).</summary>
    public const string CoreLinkWrongTarget = "AOP0422";

    // 0500–0599 hooks.
    /// <summary>A hook event name Claude Code does not know (the CLI warns and ignores the entry).</summary>
    public const string HookUnknownEvent = "AOP0500";
    /// <summary>hooks/hooks.json declares events at the top level, outside the "hooks" wrapper.</summary>
    public const string HooksNotWrapped = "AOP0501";
    /// <summary>A script a hook command runs under ${CLAUDE_PLUGIN_ROOT} does not exist.</summary>
    public const string HookScriptMissing = "AOP0502";
    /// <summary>A script a hook command runs under ${CLAUDE_PLUGIN_ROOT} is not executable.</summary>
    public const string HookScriptNotExecutable = "AOP0503";
    /// <summary>A hook command uses ${CLAUDE_PLUGIN_ROOT} without quotes (breaks on paths with spaces).</summary>
    public const string HookPluginRootUnquoted = "AOP0504";

    // 0600–0699 secrets.
    /// <summary>A plugin file holds a credential or personal data (SecretScanner finding).</summary>
    public const string SecretFound = "AOP0600";
}
