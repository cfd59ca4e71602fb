namespace AgentOps.Core.Diagnostics;

/// <summary>
/// What one code means, as docs/diagnostics.md states it: its default severity, the rule (the class that emits it),
/// what it means and how to fix it. <see cref="HelpUri"/> is the row's anchor, used by SARIF and JSON output.
/// </summary>
public sealed record DiagnosticDescriptor(
    string Code,
    DiagnosticSeverity DefaultSeverity,
    string Name,
    IReadOnlyList<string> Rules,
    string Where,
    string Meaning,
    string Fix)
{
    public string HelpUri => DiagnosticRegistry.DocsUri + "#" + Code.ToLowerInvariant();
}
