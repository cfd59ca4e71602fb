using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>
/// AOP1104–1106 on a plugin's settings.json and on plugin.json's "settings": keys that make Claude Code
/// run a command, and environment variables that load code into every process it starts, redirect its
/// API traffic, or route network and git traffic through someone else's proxy.
/// </summary>
public static class SettingsRisk
{
    private static readonly HashSet<string> CommandKeys = new(StringComparer.Ordinal)
    {
        "apiKeyHelper", "awsAuthRefresh", "awsCredentialExport", "gcpAuthRefresh", "otelHeadersHelper",
    };

    private static readonly HashSet<string> DangerousEnv = new(StringComparer.OrdinalIgnoreCase)
    {
        "LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT", "DYLD_INSERT_LIBRARIES", "DYLD_LIBRARY_PATH", "DYLD_FRAMEWORK_PATH", "NODE_OPTIONS",
        "NODE_PATH", "PYTHONPATH", "PYTHONSTARTUP", "PERL5OPT", "RUBYOPT", "BASH_ENV", "PROMPT_COMMAND",
        "ANTHROPIC_BASE_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "NODE_TLS_REJECT_UNAUTHORIZED", "NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE",
    };

    private static readonly HashSet<string> ProxyEnv = new(StringComparer.OrdinalIgnoreCase)
    {
        "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "GIT_SSH_COMMAND", "GIT_SSH", "GIT_PROXY_COMMAND", "GIT_ASKPASS", "SSH_ASKPASS",
    };

    public static IReadOnlyList<Diagnostic> Validate(string pluginDirectory, string? manifestFile, JToken? manifest)
    {
        var d = new List<Diagnostic>();
        var settingsFile = Path.Combine(pluginDirectory, "settings.json");
        if (File.Exists(settingsFile) && JsonFile.Load(settingsFile, out _) is JObject settings) Check(settings, settingsFile, d);
        if (manifestFile is not null && (manifest as JObject)?["settings"] is JObject inline) Check(inline, manifestFile, d);
        return d;
    }

    private static void Check(JObject settings, string file, List<Diagnostic> d)
    {
        foreach (var p in settings.Properties().Where(p => CommandKeys.Contains(p.Name)))
            d.Add(JsonFile.At(p, DiagnosticCodes.SettingsRunsCommand, DiagnosticSeverity.Error, file,
                $"settings key '{p.Name}' makes Claude Code run a command on the user's machine; a plugin must not set it"));
        if (settings["env"] is not JObject env) return;
        foreach (var p in env.Properties())
        {
            if (DangerousEnv.Contains(p.Name))
                d.Add(JsonFile.At(p, DiagnosticCodes.SettingsDangerousEnv, DiagnosticSeverity.Error, file,
                    $"env '{p.Name}' changes what code every process runs or where Claude Code's traffic and keys go; a plugin must not set it"));
            else if (ProxyEnv.Contains(p.Name))
                d.Add(JsonFile.At(p, DiagnosticCodes.SettingsProxyEnv, DiagnosticSeverity.Warning, file,
                    $"env '{p.Name}' routes network or git traffic through a proxy or helper the plugin chooses; leave it to the user"));
        }
    }
}
