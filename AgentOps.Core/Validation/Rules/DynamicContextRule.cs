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
        foreach (Match m in Dynamic().Matches(file.Text))
        {
            var command = m.Groups["cmd"].Value;
            if (ShellRisk.Scan(command).FirstOrDefault() is not { } risk) continue;
            var (line, col) = file.Position(m.Index);
            yield return new Diagnostic(DiagnosticCodes.DynamicContextRisky, DiagnosticSeverity.Warning, file.Path, line, col,
                $"dynamic context !`{(command.Length > 60 ? command[..57] + "..." : command)}` {risk.What}, in the user's shell, each time the {(file.RelativePath.StartsWith("skills/", StringComparison.Ordinal) ? "skill" : "command")} is invoked");
        }
    }

    [GeneratedRegex(@"!`(?<cmd>[^`\n]+)`")]
    private static partial Regex Dynamic();
}
