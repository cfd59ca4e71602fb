using System.Text;
using System.Text.Json;
using AgentOps.Core.Security;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// Where <c>agentops record</c> may write, decided before the first byte: the project is an existing
/// absolute folder (the payload's <c>cwd</c> or --project; a relative or missing <c>cwd</c> is refused,
/// never resolved against wherever the hook happens to run), every level of
/// <c>.agentops/{executions,logs}</c> is a real folder (a symlinked folder is refused, never followed), and the
/// folders that hold raw payloads ignore themselves in git before anything is written into them.
/// </summary>
public static class RecorderStore
{
    /// <summary>Placed in executions/ and logs/: the folder ignores itself whatever the parent .gitignore says,
    /// so even <c>git add -A</c> before the first <c>learn</c> cannot stage a raw prompt.</summary>
    public const string SelfIgnore = "# agentops: raw hook payloads (prompts, tool input and output) stay out of git\n*\n";

    public sealed class UnsafeStoreException(string message) : Exception(message);

    /// <summary>The project folder for a payload: --project when given, else the payload's absolute <c>cwd</c>.</summary>
    public static string ResolveProject(string? project, JsonElement payload)
    {
        var dir = project ?? TranscriptParser.Str(payload, "cwd")
            ?? throw new UnsafeStoreException("hook payload has no string 'cwd' and no --project was given");
        if (!Path.IsPathFullyQualified(dir))
            throw new UnsafeStoreException($"'cwd' must be an absolute path, got '{Printable.Sanitize(dir, 80)}'");
        if (FileKind.OfTarget(dir) != FileType.Directory)
            throw new UnsafeStoreException($"project folder '{Printable.Sanitize(dir, 80)}' does not exist: nothing created");
        return Path.GetFullPath(dir);
    }

    /// <summary><c>&lt;project&gt;/.agentops/&lt;sub&gt;</c>, created if missing, refused if any level is a symlink or not a folder.
    /// The store's .gitignore and the folder's own ignore file are written before the caller writes anything.</summary>
    public static string Folder(string project, string sub)
    {
        var store = Path.Combine(project, ".agentops");
        EnsureRealFolder(store);
        var gitignore = Path.Combine(store, ".gitignore");
        if (FileKind.Of(gitignore) == FileType.Missing) WriteNew(gitignore, LearningEngine.GitIgnore);
        var folder = Path.Combine(store, sub);
        EnsureRealFolder(folder);
        var selfIgnore = Path.Combine(folder, ".gitignore");
        if (FileKind.Of(selfIgnore) == FileType.Missing) WriteNew(selfIgnore, SelfIgnore);
        return folder;
    }

    private static void EnsureRealFolder(string path)
    {
        switch (FileKind.Of(path))
        {
            case FileType.Directory: return;
            case FileType.Missing: Directory.CreateDirectory(path); return;
            case var other:
                throw new UnsafeStoreException($"{path} is {FileKind.Describe(other)}, not a folder: refusing to write through it");
        }
    }

    // Creates the file only if nobody else did meanwhile (concurrent hooks race here harmlessly).
    private static void WriteNew(string path, string text)
    {
        try
        {
            using var fs = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            fs.Write(Encoding.UTF8.GetBytes(text));
        }
        catch (IOException) when (File.Exists(path)) { }
    }
}
