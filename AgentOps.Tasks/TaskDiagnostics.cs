using AgentOps.Core.Diagnostics;
using Microsoft.Build.Utilities;

namespace AgentOps.Tasks;

/// <summary>Turns core <see cref="Diagnostic"/>s into MSBuild errors and warnings at file(line,col), so
/// `dotnet build` and the IDE error list show each finding where it is.</summary>
internal static class TaskDiagnostics
{
    public static void Log(TaskLoggingHelper log, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) Log(log, d);
    }

    /// <summary>Writes a generated file; when something stands in its place (a folder, an unwritable file) that is an
    /// error at that path (AOP0400) instead of a task crash. False when it could not be written.</summary>
    public static bool TryWrite(TaskLoggingHelper log, string path, string what, Action write, string hint = "")
    {
        try
        {
            write();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log(log, new Diagnostic(DiagnosticCodes.FileUnreadable, DiagnosticSeverity.Error, path, 1, 1,
                $"cannot write {what}: {ex.Message}; remove what is in its place{hint}"));
            return false;
        }
    }

    public static void Log(TaskLoggingHelper log, Diagnostic d)
    {
        // Every finding of the build has a place: one about a whole file or folder (line 0) is logged at (1,1),
        // so the IDE, CI annotations and the canonical `file(line,col): error AOPnnnn` form all see a location.
        var line = Math.Max(d.Line, 1);
        var column = d.Line > 0 ? Math.Max(d.Column, 1) : 1;
        // Names and messages quote user files: escaped so they cannot forge a line of the build log.
        d = d with { File = AgentOps.Core.Security.Printable.Sanitize(d.File), Message = AgentOps.Core.Security.Printable.Sanitize(d.Message) };
        switch (d.Severity)
        {
            case DiagnosticSeverity.Error:
                log.LogError(null, d.Code, null, d.File, line, column, 0, 0, d.Message);
                break;
            case DiagnosticSeverity.Warning:
                log.LogWarning(null, d.Code, null, d.File, line, column, 0, 0, d.Message);
                break;
            default:
                log.LogMessage(null, d.Code, null, d.File, line, column, 0, 0, Microsoft.Build.Framework.MessageImportance.Normal, d.Message);
                break;
        }
    }
}
