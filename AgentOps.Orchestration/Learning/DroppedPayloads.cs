using AgentOps.Core.Diagnostics;
using AgentOps.Core.Security;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// Hook payloads the plugin's launcher kept in <c>.agentops/logs/dropped/</c> because <c>record</c> did not
/// finish in time (many hooks at once on a small machine). <c>learn</c> records them before reading the
/// executions, with the time the launcher saved them, and deletes each one recorded.
/// </summary>
public static class DroppedPayloads
{
    public static string Folder(string project) => Path.Combine(project, ".agentops", "logs", "dropped");

    public static IReadOnlyList<string> Replay(string project)
    {
        var folder = Folder(project);
        var notes = new List<string>();
        if (FileKind.Of(folder) != FileType.Directory) return notes;
        var recorded = 0;
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                if (FileKind.Of(file) != FileType.Regular || new FileInfo(file).Length > HookRecorder.MaxPayloadBytes) continue;
                var r = HookRecorder.Record(File.ReadAllBytes(file), project, File.GetLastWriteTimeUtc(file));
                // Recorded, or logged as bad input by the recorder: either way it is accounted for.
                File.Delete(file);
                if (r.Recorded) recorded++;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            notes.Add($"{DiagnosticCodes.StoreFolderUnreadable}: {folder}: {ex.Message}");
        }
        if (recorded > 0) notes.Add($"{DiagnosticCodes.RecordDropped}: recorded {recorded} hook payload(s) the hooks had to leave in {folder}");
        return notes;
    }
}
