namespace AgentOps.Core.Diagnostics;

public enum DiagnosticSeverity { Error, Warning, Info }

/// <summary>
/// One finding of a check, located where the problem is. Tasks turn it into an MSBuild error or
/// warning; the CLI prints it in MSBuild's canonical form, as JSON or as SARIF.
/// Line and column are 1-based; 0 means "the whole file".
/// </summary>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string File,
    int Line,
    int Column,
    string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>MSBuild canonical form: <c>path(line,col): error CODE: message</c>.</summary>
    public override string ToString()
    {
        var location = Line > 0 ? $"({Line},{Math.Max(Column, 1)})" : "";
        // File names and messages quote user files: escaped so neither can forge a line (a CI "::error"
        // annotation) or drive the terminal.
        return $"{AgentOps.Core.Security.Printable.Sanitize(File)}{location}: {DiagnosticJson.SeverityName(Severity)} {Code}: {AgentOps.Core.Security.Printable.Sanitize(Message)}";
    }
}
