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

    /// <summary>Reads through the shared text reader (regular files only: a FIFO named as a pattern blocked the read forever, a device never ends).</summary>
    // An unreadable file keeps the learning engine's code (AOP0900), as PatternReader reports it.
    public static IReadOnlyList<Diagnostic> ValidateFile(string path) =>
        AgentOps.Core.Validation.PatternValidator.ValidateFile(path)
            .Select(d => d.Code == DiagnosticCodes.FileUnreadable ? d with { Code = DiagnosticCodes.PatternUnreadable } : d).ToList();
}
