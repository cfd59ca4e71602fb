using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Patterns;

/// <summary>A pattern file found in the store, with its lifecycle folder and reading diagnostics.</summary>
public sealed record StoredPattern(string Path, PatternLifecycle Lifecycle, LearnedPattern? Pattern, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// The pattern store: <c>&lt;root&gt;/patterns/{discovered,validated,learned,meta}/&lt;id&gt;.md</c>.
/// The default root is <c>&lt;project&gt;/.agentops</c> (see docs/meta-orchestrator/LEARNING_SYSTEM.md).
/// A pattern id lives in one of discovered/validated/learned at a time (promotion moves it);
/// meta/ is separate. Writes are atomic (temp file + rename).
/// </summary>
public sealed class PatternStore
{
    public PatternStore(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }
    public string PatternsDirectory => Path.Combine(Root, "patterns");

    public static string FolderName(PatternLifecycle l) => l switch
    {
        PatternLifecycle.Discovered => "discovered",
        PatternLifecycle.Validated => "validated",
        PatternLifecycle.Learned => "learned",
        _ => "meta",
    };

    public static bool TryParseLifecycle(string text, out PatternLifecycle lifecycle)
    {
        foreach (var l in Enum.GetValues<PatternLifecycle>())
            if (string.Equals(FolderName(l), text, StringComparison.OrdinalIgnoreCase)) { lifecycle = l; return true; }
        lifecycle = default;
        return false;
    }

    public string Folder(PatternLifecycle l) => Path.Combine(PatternsDirectory, FolderName(l));

    /// <summary>Path of a pattern file; throws <see cref="ArgumentException"/> for an id with path characters.</summary>
    public string PathFor(string id, PatternLifecycle l) => Path.Combine(Folder(l), PatternIds.Require(id) + ".md");

    /// <summary>Patterns of one lifecycle folder (or all folders), ordered by lifecycle then id.</summary>
    public IReadOnlyList<StoredPattern> List(PatternLifecycle? lifecycle = null)
    {
        var result = new List<StoredPattern>();
        foreach (var l in lifecycle is { } one ? [one] : Enum.GetValues<PatternLifecycle>())
        {
            var dir = Folder(l);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal))
            {
                var r = PatternReader.ReadFile(file);
                result.Add(new StoredPattern(file, l, r.Pattern, r.Diagnostics));
            }
        }
        return result;
    }

    /// <summary>The pattern with this id in its most advanced lifecycle (learned, validated, discovered, then meta).</summary>
    public StoredPattern? Find(string id)
    {
        if (!PatternIds.IsValid(id)) return null;
        foreach (var l in new[] { PatternLifecycle.Learned, PatternLifecycle.Validated, PatternLifecycle.Discovered, PatternLifecycle.Meta })
        {
            var p = PathFor(id, l);
            if (File.Exists(p))
            {
                var r = PatternReader.ReadFile(p);
                return new StoredPattern(p, l, r.Pattern, r.Diagnostics);
            }
        }
        return null;
    }

    /// <summary>Writes <paramref name="text"/> as the pattern's file in <paramref name="lifecycle"/> atomically and
    /// removes the same id from the other discovered/validated/learned folders (a promotion is a move).
    /// Returns the written path and the paths removed.</summary>
    public (string Written, IReadOnlyList<string> Removed) Write(string id, PatternLifecycle lifecycle, string text)
    {
        var path = PathFor(id, lifecycle);
        AtomicFile.WriteAllText(path, text);
        var removed = new List<string>();
        if (lifecycle != PatternLifecycle.Meta)
        {
            foreach (var other in new[] { PatternLifecycle.Discovered, PatternLifecycle.Validated, PatternLifecycle.Learned })
            {
                if (other == lifecycle) continue;
                var op = PathFor(id, other);
                if (File.Exists(op)) { File.Delete(op); removed.Add(op); }
            }
        }
        return (path, removed);
    }

    public (string Written, IReadOnlyList<string> Removed) Write(LearnedPattern pattern, PatternLifecycle lifecycle) =>
        Write(pattern.Id, lifecycle, PatternWriter.Render(pattern));
}
