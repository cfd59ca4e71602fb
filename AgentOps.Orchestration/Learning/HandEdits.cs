using System.Globalization;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Patterns;
using AgentOps.Core.Security;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// A pattern file that no longer parses was most likely edited by hand. Before the engine writes the
/// learned version over it (or removes it on a promotion), the file is copied to
/// <c>patterns/conflicts/&lt;id&gt;.&lt;time&gt;.md</c> — outside the lifecycle folders, so it is never read as a
/// pattern, and not ignored, so the commit that replaces the original carries the copy too.
/// </summary>
public static class HandEdits
{
    public static string ConflictsFolder(string storeRoot) => Path.Combine(storeRoot, "patterns", "conflicts");

    /// <summary>Copies every unreadable file of this id; returns the copies written.</summary>
    public static IReadOnlyList<string> BackUp(IReadOnlyList<StoredPattern> unreadable, string id, string storeRoot, DateTimeOffset now, LearnReport report)
    {
        var copies = new List<string>();
        foreach (var bad in unreadable.Where(b => Path.GetFileNameWithoutExtension(b.Path) == id))
        {
            if (FileKind.Of(bad.Path) != FileType.Regular) continue;
            var folder = ConflictsFolder(storeRoot);
            Directory.CreateDirectory(folder);
            var copy = Path.Combine(folder, $"{id}.{PatternStore.FolderName(bad.Lifecycle)}.{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}.md");
            // The copy is committed: it is redacted like everything the engine commits.
            var text = SecretScanner.Redact(File.ReadAllText(bad.Path), out var secrets);
            AtomicFile.WriteAllText(copy, text);
            copies.Add(copy);
            report.Diagnostics.Add(new Diagnostic(DiagnosticCodes.PatternHandEditBackedUp, DiagnosticSeverity.Warning, bad.Path, 0, 0,
                $"pattern file does not parse (edited by hand?): copied to {copy}{(secrets.Count > 0 ? $" ({secrets.Count} secret(s) redacted)" : "")} before the learned version replaced it"));
        }
        return copies;
    }
}
