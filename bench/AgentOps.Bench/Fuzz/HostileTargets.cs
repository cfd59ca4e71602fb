using System.Text;
using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Markdown;
using AgentOps.Core.Patterns;
using AgentOps.Core.Validation;
using AgentOps.Orchestration.Learning;
using CsCheck;

namespace AgentOps.Bench.Fuzz;

public enum Verdict { Ok, Crash, Hang, Violation }

/// <summary>One case that broke a promise: which target, what happened, the input (escaped, cut).</summary>
public sealed record FuzzFailure(string Target, Verdict Verdict, string Detail, string Input);

/// <summary>
/// What every reader of user input promises, checked on one input: no unhandled exception, done within
/// the time bound, every problem a coded diagnostic (AOPnnnn), nothing written outside the project.
/// </summary>
public sealed record HostileTarget(string Name, Gen<string> Inputs, Action<string, string> Run)
{
    public static readonly IReadOnlyList<HostileTarget> All =
    [
        new("plugin-manifest", HostileInputs.PluginManifests, (input, project) =>
        {
            var plugin = Path.Combine(project, "alpha");
            Write(Path.Combine(plugin, ".claude-plugin", "plugin.json"), input);
            Write(Path.Combine(plugin, "commands", "ok.md"), "---\ndescription: A fine command\n---\nDo it.\n");
            Coded(PluginFolderValidator.Validate(plugin));
        }),
        new("marketplace-manifest", HostileInputs.MarketplaceManifests, (input, project) =>
        {
            Write(Path.Combine(project, ".claude-plugin", "marketplace.json"), input);
            Write(Path.Combine(project, "plugins", "alpha", ".claude-plugin", "plugin.json"), "{\"name\":\"alpha\",\"description\":\"The alpha plugin\"}");
            Coded(MarketplaceFolderValidator.Validate(project));
        }),
        new("frontmatter", HostileInputs.Frontmatters, (input, project) =>
        {
            var file = Path.Combine(project, "agents", "x.md");
            Write(file, input);
            Coded(FrontmatterValidator.ValidateFile(file, ComponentKind.Agent));
            Coded(MarkdownDocument.Parse(file, input).Errors);
        }),
        new("pattern-file", HostileInputs.Patterns, (input, project) =>
        {
            var file = Path.Combine(project, ".agentops", "patterns", "learned", "code-review-1234abcd.md");
            Write(file, input);
            Coded(PatternReader.ReadFile(file).Diagnostics);
            foreach (var p in new PatternStore(Path.Combine(project, ".agentops")).List()) Coded(p.Diagnostics);
        }),
        new("transcript", HostileInputs.Transcripts, (input, project) =>
        {
            var file = Path.Combine(project, "t.jsonl");
            Write(file, input);
            var loaded = ExecutionSources.LoadFiles([file]);
            _ = PatternExtractor.Extract(loaded.Executions);
        }),
        new("hook-payload", HostileInputs.Payloads, (input, project) =>
        {
            var r = HookRecorder.Record(Encoding.UTF8.GetBytes(input.Replace("CWD", project.Replace("\\", "\\\\"), StringComparison.Ordinal)), null, DateTimeOffset.UtcNow);
            if (r.Path is { } path && !Path.GetFullPath(path).StartsWith(project + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new ViolationException($"recorded outside the project: {path}");
            if (r.Recorded) _ = ExecutionSources.LoadProject(project);
        }),
    ];

    private static readonly Regex Code = new("^AOP[0-9]{4}$");

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text)); // a lone surrogate becomes U+FFFD, as an editor would save it
    }

    private static void Coded(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
            if (!Code.IsMatch(d.Code) || d.Message.Length == 0) throw new ViolationException($"uncoded diagnostic: {d}");
    }

    /// <summary>Runs one input in a fresh folder <c>case/project</c>, bounded by <paramref name="timeout"/>.
    /// A file appearing beside the project (or a .agentops in the current folder) is a violation.</summary>
    public (Verdict Verdict, string Detail) Check(string input, TimeSpan timeout)
    {
        var box = Path.Combine(Path.GetTempPath(), "agentops-fuzz", Guid.NewGuid().ToString("N")[..12]);
        var project = Path.Combine(box, "project");
        Directory.CreateDirectory(project);
        var cwdStore = Path.Combine(Environment.CurrentDirectory, ".agentops");
        var cwdStoreBefore = Directory.Exists(cwdStore);
        try
        {
            var run = Task.Run(() => Run(input, project));
            try
            {
                if (!run.Wait(timeout)) return (Verdict.Hang, $"no answer within {timeout.TotalSeconds:0} s");
            }
            catch (AggregateException ex) when (ex.InnerException is ViolationException v) { return (Verdict.Violation, v.Message); }
            catch (AggregateException ex) { return (Verdict.Crash, ex.InnerException!.GetType().Name + ": " + ex.InnerException.Message); }
            var outside = Directory.EnumerateFileSystemEntries(box).Where(e => Path.GetFileName(e) != "project").ToList();
            if (outside.Count > 0) return (Verdict.Violation, "written outside the project: " + string.Join(", ", outside));
            if (!cwdStoreBefore && Directory.Exists(cwdStore)) return (Verdict.Violation, "created .agentops in the current folder");
            return (Verdict.Ok, "");
        }
        finally
        {
            try { Directory.Delete(box, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Runs <paramref name="iterations"/> generated inputs; every failure is collected (none stops the run).</summary>
    public IReadOnlyList<FuzzFailure> Fuzz(long iterations, TimeSpan perCase, Action<Verdict>? counted = null)
    {
        var failures = new List<FuzzFailure>();
        Inputs.Sample(input =>
        {
            var (verdict, detail) = Check(input, perCase);
            counted?.Invoke(verdict);
            if (verdict != Verdict.Ok)
                lock (failures) failures.Add(new FuzzFailure(Name, verdict, detail, AgentOps.Core.Security.Printable.Sanitize(input, 300)));
        }, iter: iterations, threads: 1);
        return failures;
    }
}

public sealed class ViolationException(string message) : Exception(message);
