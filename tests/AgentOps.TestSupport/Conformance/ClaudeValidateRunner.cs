using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace AgentOps.Tests.Conformance;

/// <summary>One finding of `claude plugin validate --json`: the file it names (relative to the case
/// folder, '/' separated) and its path/message.</summary>
public sealed record ClaudeFinding(string File, string Path, string Message);

/// <summary>The CLI's verdict on one folder: exit code (1 = rejected) and its findings.</summary>
public sealed record ClaudeVerdict(int ExitCode, IReadOnlyList<ClaudeFinding> Errors, IReadOnlyList<ClaudeFinding> Warnings)
{
    public bool Rejected => ExitCode != 0;
}

/// <summary>
/// Runs the real `claude plugin validate --json` (offline, throw-away HOME) on many folders, a few
/// processes at a time, and caches each verdict by a hash of the folder's content (files, modes,
/// links) and the CLI binary, so a second run of the suite costs no CLI process at all.
/// Shared by the conformance tests and the bench (linked into bench/AgentOps.Bench).
/// </summary>
public sealed class ClaudeValidateRunner(string binaryPath, string cacheDirectory, int parallelism = 2, bool readCache = true)
{
    public int CacheHits => _hits;
    public int Runs => _runs;
    private int _hits, _runs;
    private readonly string _binaryStamp = BinaryStamp(binaryPath);

    public IReadOnlyDictionary<string, ClaudeVerdict> ValidateAll(IReadOnlyList<string> folders)
    {
        var results = new ConcurrentDictionary<string, ClaudeVerdict>(StringComparer.Ordinal);
        Parallel.ForEach(folders, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, folder => results[folder] = Validate(folder));
        return results;
    }

    public ClaudeVerdict Validate(string folder)
    {
        var key = FolderHash.Of(folder, _binaryStamp);
        var cacheFile = Path.Combine(cacheDirectory, key + ".json");
        if (readCache && File.Exists(cacheFile))
        {
            try
            {
                var cached = Parse(JObject.Parse(File.ReadAllText(cacheFile)), exitCode: null, folder: null);
                Interlocked.Increment(ref _hits);
                return cached;
            }
            catch (Exception ex) when (ex is IOException or Newtonsoft.Json.JsonException) { /* rerun */ }
        }
        var (exit, stdout, stderr) = Run(folder);
        Interlocked.Increment(ref _runs);
        JObject report;
        try { report = JObject.Parse(stdout); }
        catch (Newtonsoft.Json.JsonException)
        {
            throw new InvalidOperationException($"claude plugin validate --json {folder} printed no JSON (exit {exit}): {stdout}\n{stderr}");
        }
        var verdict = Parse(report, exit, folder);
        // Stored path-free: findings relative to the folder, so the cache is valid wherever the case is written.
        var stored = new JObject
        {
            ["exitCode"] = verdict.ExitCode,
            ["errors"] = new JArray(verdict.Errors.Select(ToJson)),
            ["warnings"] = new JArray(verdict.Warnings.Select(ToJson)),
        };
        Directory.CreateDirectory(cacheDirectory);
        var temp = cacheFile + "." + Environment.ProcessId + "." + Environment.CurrentManagedThreadId + ".tmp";
        File.WriteAllText(temp, stored.ToString());
        File.Move(temp, cacheFile, overwrite: true);
        return verdict;
    }

    private static JObject ToJson(ClaudeFinding f) => new() { ["file"] = f.File, ["path"] = f.Path, ["message"] = f.Message };

    private static ClaudeVerdict Parse(JObject report, int? exitCode, string? folder)
    {
        if (exitCode is null) // a cache entry
            return new ClaudeVerdict((int)report["exitCode"]!,
                report["errors"]!.Select(FromJson).ToList(), report["warnings"]!.Select(FromJson).ToList());
        var errors = new List<ClaudeFinding>();
        var warnings = new List<ClaudeFinding>();
        foreach (var part in new[] { report["manifest"] }.Concat(report["contents"] as JArray ?? []).OfType<JObject>())
        {
            var file = Relative(folder!, (string?)part["file"] ?? "");
            errors.AddRange((part["errors"] as JArray ?? []).OfType<JObject>().Select(e => Finding(file, e)));
            warnings.AddRange((part["warnings"] as JArray ?? []).OfType<JObject>().Select(e => Finding(file, e)));
        }
        return new ClaudeVerdict(exitCode.Value, errors, warnings);
    }

    private static ClaudeFinding FromJson(JToken t) => new((string)t["file"]!, (string)t["path"]!, (string)t["message"]!);
    private static ClaudeFinding Finding(string file, JObject e) => new(file, (string?)e["path"] ?? "", (string?)e["message"] ?? "");

    private static string Relative(string folder, string file)
    {
        if (file.Length == 0) return "";
        var full = Path.GetFullPath(file);
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), full).Replace('\\', '/');
        return relative == "." ? "" : relative;
    }

    private (int Exit, string StdOut, string StdErr) Run(string folder)
    {
        var home = Path.Combine(Path.GetTempPath(), "aop-claude-home-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(home);
        try
        {
            var psi = new ProcessStartInfo(binaryPath)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
                UseShellExecute = false, WorkingDirectory = home,
            };
            foreach (var a in new[] { "plugin", "validate", "--json", folder }) psi.ArgumentList.Add(a);
            foreach (var k in psi.Environment.Keys.Where(k => k.StartsWith("CLAUDE", StringComparison.Ordinal) || k.StartsWith("ANTHROPIC", StringComparison.Ordinal)).ToList())
                psi.Environment.Remove(k);
            psi.Environment["HOME"] = home;
            psi.Environment["DISABLE_TELEMETRY"] = "1";
            psi.Environment["DISABLE_AUTOUPDATER"] = "1";
            psi.Environment["DISABLE_ERROR_REPORTING"] = "1";
            psi.Environment["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1";
            using var p = Process.Start(psi)!;
            p.StandardInput.Close();
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException($"claude plugin validate {folder} did not finish in 60 s");
            }
            return (p.ExitCode, stdout.Result, stderr.Result);
        }
        finally
        {
            try { Directory.Delete(home, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    // The binary's size and modification time: a new CLI version invalidates every cached verdict.
    private static string BinaryStamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? $"{info.Length}:{info.LastWriteTimeUtc.Ticks}" : "missing";
    }
}

/// <summary>A content hash of a folder: relative paths, bytes, the executable bit and link targets.</summary>
public static class FolderHash
{
    public static string Of(string folder, string salt)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes("v1\0" + salt + "\0"));
        var root = Path.GetFullPath(folder);
        foreach (var entry in Entries(root).OrderBy(e => e.Relative, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{entry.Kind}\0{entry.Relative}\0"));
            if (entry.Kind == 'L') sha.AppendData(Encoding.UTF8.GetBytes(entry.Info.LinkTarget ?? ""));
            else if (entry.Kind == 'F')
            {
                sha.AppendData(File.ReadAllBytes(entry.Info.FullName));
                if (!OperatingSystem.IsWindows())
                    sha.AppendData(Encoding.UTF8.GetBytes(((int)File.GetUnixFileMode(entry.Info.FullName) & 0x49).ToString()));
            }
            sha.AppendData([0]);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static IEnumerable<(char Kind, string Relative, FileSystemInfo Info)> Entries(string root)
    {
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(root)]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var e in dir.EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(root, e.FullName).Replace('\\', '/');
                if (e.LinkTarget is not null) yield return ('L', relative, e);
                else if (e is DirectoryInfo sub) { yield return ('D', relative, e); pending.Push(sub); }
                else yield return ('F', relative, e);
            }
        }
    }
}
