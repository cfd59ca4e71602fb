using AgentOps.Core.Diagnostics;
using AgentOps.Core.Patterns;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// The one seam through which the learning engine validates a pattern: the shared
/// <c>AgentOps.Core.Validation.PatternValidator</c>, so the build, the <c>validate-pattern</c> command and
/// <c>learn</c> run the same code.
/// </summary>
public static class PatternChecks
{
    public static IReadOnlyList<Diagnostic> Validate(string path, string text) => AgentOps.Core.Validation.PatternValidator.Validate(path, text);

    public static IReadOnlyList<Diagnostic> ValidateFile(string path)
    {
        try { return Validate(path, File.ReadAllText(path)); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new Diagnostic(DiagnosticCodes.PatternUnreadable, DiagnosticSeverity.Error, path, 0, 0, $"cannot read pattern: {ex.Message}")];
        }
    }
}
