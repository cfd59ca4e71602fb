using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

/// <summary>
/// AOP1109: `!`cmd`` in a command or skill runs cmd in the user's shell when the component is invoked,
/// before the model sees anything, and its output enters the context. Harmless ones (`git status`) are
/// the point of the feature; one that downloads, decodes or calls out is reported.
/// </summary>
public static partial class DynamicContextRule
{
    public static IEnumerable<Diagnostic> Check(PluginTextFile file)
    {
        if (!file.IsComponent || file.RelativePath.StartsWith("agents/", StringComparison.Ordinal)) yield break;
        for (var from = 0; NextRisky(file.Text, ref from) is { } found;)
        {
            var (command, risk) = (found.Command, found.Risk);
            var (line, col) = file.Position(found.Index);
            yield return new Diagnostic(DiagnosticCodes.DynamicContextRisky, DiagnosticSeverity.Warning, file.Path, line, col,
                $"dynamic context !`{(command.Length > 60 ? command[..57] + "..." : command)}` {risk.What}, in the user's shell, each time the {(file.RelativePath.StartsWith("skills/", StringComparison.Ordinal) ? "skill" : "command")} is invoked");
        }
    }

    // The next risky !`cmd` at or after `from`, which moves past it. Matches are read as positions, not Match
    // objects: a file of a million harmless !`ls` lines allocated hundreds of MB of them.
    private static (int Index, string Command, ShellRiskFinding Risk)? NextRisky(string text, ref int from)
    {
        foreach (var m in Dynamic().EnumerateMatches(text, from))
        {
            from = m.Index + m.Length;
            var command = text.Substring(m.Index + 2, m.Length - 3); // inside "!`" and "`"
            if (ShellRisk.Scan(command).FirstOrDefault() is { } risk) return (m.Index, command, risk);
        }
        from = text.Length;
        return null;
    }

    [GeneratedRegex(@"!`[^`\n]+`")]
    private static partial Regex Dynamic();
}
