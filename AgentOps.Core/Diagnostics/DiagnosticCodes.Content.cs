namespace AgentOps.Core.Diagnostics;

// Content and structure rules (issue 18): AOP1150–1189; rule configuration: AOP1190–1199.
// Warnings: Claude Code loads what these flag. One row each in docs/diagnostics.md.
public static partial class DiagnosticCodes
{
    /// <summary>A plugin folder of the marketplace (a folder with .claude-plugin/plugin.json) that no marketplace entry lists.</summary>
    public const string PluginNotRegistered = "AOP1150";
    /// <summary>A relative Markdown link whose target file does not exist.</summary>
    public const string BrokenInternalLink = "AOP1151";
    /// <summary>A command, agent or skill file larger than the context budget (tokens).</summary>
    public const string ContextBudgetExceeded = "AOP1152";
    /// <summary>An agent or skill description that does not say when to use it.</summary>
    public const string DescriptionNotRouting = "AOP1153";
    /// <summary>A plugin without a README.md (in the plugin or at the marketplace root).</summary>
    public const string ReadmeMissing = "AOP1154";
    /// <summary>A code fence opened and never closed.</summary>
    public const string UnclosedCodeFence = "AOP1155";
    /// <summary>Placeholder text left in a component (TODO, FIXME, lorem ipsum, [your …]).</summary>
    public const string PlaceholderText = "AOP1156";
    /// <summary>A plugin or marketplace entry version that is not semver.</summary>
    public const string VersionNotSemver = "AOP1157";
    /// <summary>A skill whose name is not kebab-case or differs from its folder's name.</summary>
    public const string SkillNameMismatch = "AOP1158";
    /// <summary>A command file name that is not kebab-case.</summary>
    public const string CommandFileName = "AOP1159";

    /// <summary>An inline suppression without a reason (it suppresses nothing).</summary>
    public const string SuppressionWithoutReason = "AOP1190";
    /// <summary>A severity setting that cannot be applied (unknown severity, or lowering an error Claude Code shares).</summary>
    public const string SeverityConfigInvalid = "AOP1191";
}
