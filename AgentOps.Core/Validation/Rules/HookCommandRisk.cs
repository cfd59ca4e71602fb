using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>
/// AOP1100–1103 on a hook's command line (at the command's line in hooks.json) and on the script it
/// runs under ${CLAUDE_PLUGIN_ROOT} (at the script's own line): a hook runs on every matching event
/// without asking, so what it fetches and runs must be visible in review.
/// </summary>
public static class HookCommandRisk
{
    public static IEnumerable<Diagnostic> CheckCommand(JValue command, string file) =>
        CheckText((string)command!, file, JsonFile.Position(command), "the hook command");

    /// <summary>A command line found elsewhere (a skill's frontmatter hooks), reported at the given position.</summary>
    public static IEnumerable<Diagnostic> CheckText(string command, string file, (int Line, int Column) at, string what) =>
        ShellRisk.Scan(command).Select(f => ToDiagnostic(f, file, at, what));

    public static IEnumerable<Diagnostic> CheckScript(string script)
    {
        if (!TextFileReader.TryRead(script, out var text, out _)) yield break;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart();
            if (line.StartsWith('#')) continue; // comments (and the shebang) run nothing
            foreach (var f in ShellRisk.Scan(lines[i]))
                yield return ToDiagnostic(f, script, (i + 1, f.Index + 1), "the hook script");
        }
    }

    private static Diagnostic ToDiagnostic(ShellRiskFinding f, string file, (int Line, int Column) at, string what)
    {
        var (code, severity) = f.Kind switch
        {
            ShellRiskKind.DownloadAndExecute => (DiagnosticCodes.HookDownloadAndExecute, DiagnosticSeverity.Error),
            ShellRiskKind.Obfuscated => (DiagnosticCodes.HookObfuscatedCommand, DiagnosticSeverity.Error),
            ShellRiskKind.DotfileScript => (DiagnosticCodes.HookDotfileScript, DiagnosticSeverity.Warning),
            _ => (DiagnosticCodes.HookNetworkCall, DiagnosticSeverity.Warning),
        };
        return new Diagnostic(code, severity, file, at.Line, at.Column, $"{what} {f.What}: it runs on every matching event without asking; ship the code in the plugin and keep it reviewable");
    }
}
