using System.Globalization;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Patterns;
using AgentOps.Core.Security;
using AgentOps.Orchestration.Git;
using LibGit2Sharp;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// A pattern file that no longer parses was most likely edited by hand. Before the engine writes the
/// learned version in its place (or removes it on a promotion), the file is copied to
/// <c>patterns/conflicts/&lt;id&gt;.&lt;lifecycle&gt;.&lt;time&gt;.md</c> — outside the lifecycle folders, so it is
/// never read as a pattern — on the learnings branch in the same run's commit (git keeps it), or in the
/// store folder when learning without git.
/// </summary>
public static class HandEdits
{
    public const string ConflictsFolder = "patterns/conflicts";

    /// <summary>Backups for every unreadable file of this id: branch path (or local path without git) → redacted text.</summary>
    public static IReadOnlyDictionary<string, string> BackUp(IEnumerable<StoredPattern> unreadable, string id, string storeRoot, Repository? repo, DateTimeOffset now, LearnReport report)
    {
        var copies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var bad in unreadable.Where(b => b.Pattern is null && Path.GetFileNameWithoutExtension(b.Path) == id))
        {
            var text = Read(bad.Path, repo);
            if (text is null) continue;
            var name = $"{ConflictsFolder}/{id}.{PatternStore.FolderName(bad.Lifecycle)}.{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}.md";
            // The copy is committed: redacted like everything the engine commits.
            var redacted = SecretScanner.Redact(text, out var secrets);
            var where = repo is null ? Path.Combine(storeRoot, name) : LearningsBranch.Display(name);
            if (repo is null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(where)!);
                AtomicFile.WriteAllText(where, redacted);
            }
            copies[repo is null ? where : name] = redacted;
            report.Diagnostics.Add(new Diagnostic(DiagnosticCodes.PatternHandEditBackedUp, DiagnosticSeverity.Warning, bad.Path, 0, 0,
                $"pattern file does not parse (edited by hand?): copied to {where}{(secrets.Count > 0 ? $" ({secrets.Count} secret(s) redacted)" : "")} before the learned version replaced it"));
        }
        return copies;
    }

    private static string? Read(string path, Repository? repo)
    {
        var prefix = LearningsBranch.Display("");
        if (path.StartsWith(prefix, StringComparison.Ordinal))
            return repo is null ? null : LearningsBranch.Read(repo, path[prefix.Length..]);
        return FileKind.Of(path) == FileType.Regular ? File.ReadAllText(path) : null;
    }
}
