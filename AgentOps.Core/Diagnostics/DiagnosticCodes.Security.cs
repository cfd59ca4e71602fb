namespace AgentOps.Core.Diagnostics;

// Security rules (issue 18): AOP1100–1149. What a reviewer must see before installing a plugin.
// Claude Code accepts every file these flag; the errors among them are "stricter than Claude Code"
// (docs/marketplace/VALIDATE_AND_IMPORT.md) and say so in their message. One row each in docs/diagnostics.md.
public static partial class DiagnosticCodes
{
    /// <summary>A hook command (or the script it runs) downloads code and runs it (curl … | sh, bash &lt;(curl …)).</summary>
    public const string HookDownloadAndExecute = "AOP1100";
    /// <summary>A hook command decodes and runs a payload (base64 -d | sh, eval of base64 or a download).</summary>
    public const string HookObfuscatedCommand = "AOP1101";
    /// <summary>A hook command runs a script from a hidden (dot) folder such as ~/.cache/x.sh.</summary>
    public const string HookDotfileScript = "AOP1102";
    /// <summary>A hook command (or its script) makes a network call (curl, wget, nc, ssh…).</summary>
    public const string HookNetworkCall = "AOP1103";
    /// <summary>Plugin settings set a key that runs a command (apiKeyHelper, awsAuthRefresh, otelHeadersHelper…).</summary>
    public const string SettingsRunsCommand = "AOP1104";
    /// <summary>Plugin settings set an environment variable that changes what code runs or where traffic goes (LD_PRELOAD, NODE_OPTIONS, ANTHROPIC_BASE_URL…).</summary>
    public const string SettingsDangerousEnv = "AOP1105";
    /// <summary>Plugin settings set a proxy or git transport variable (HTTPS_PROXY, GIT_SSH_COMMAND…).</summary>
    public const string SettingsProxyEnv = "AOP1106";
    /// <summary>Instructions hidden from a human reader: an HTML comment, a link-label comment or a link title holding directives.</summary>
    public const string HiddenInstructions = "AOP1107";
    /// <summary>A long base64 or hex blob in a plugin text file (a payload a reviewer cannot read).</summary>
    public const string EncodedPayload = "AOP1108";
    /// <summary>A `!`cmd`` dynamic-context command in a command or skill does something risky when invoked.</summary>
    public const string DynamicContextRisky = "AOP1109";
    /// <summary>An invisible or reordering Unicode character anywhere in a plugin text file (ASCII smuggling, Trojan Source).</summary>
    public const string InvisibleUnicode = "AOP1110";
}
