using AgentOps.Core.Diagnostics;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AgentOps.Orchestration.Git;
using AgentOps.Orchestration.Learning;
using Spectre.Console;

namespace AgentOps.Cli.Commands;

/// <summary>Options, output and error handling shared by the learning commands.</summary>
internal static class LearningCli
{
    public const string ExitCodeHelp =
        "Exit codes: 0 ok; 1 invalid input or usage; 3 git refused (bare repository, or the agentops/learnings branch could not be written: nothing written); " +
        "4 store lock timeout; 5 merge conflict reported (other patterns merged); 6 not found.";

    public static Option<string?> ProjectOption() => new("--project") { Description = "The user's project folder (default: current directory); executions are read from <project>/.agentops/executions/." };
    public static Option<string?> StoreOption() => new("--store") { Description = "Pattern store root (default: <project>/.agentops; learned patterns are committed to the agentops/learnings branch of the git repo that contains it)." };

    /// <summary>The user's store (its learnings branch and folder) and the patterns shipped with the plugin, labelled.</summary>
    public static IReadOnlyList<SourcedPattern> AllPatterns(string storeRoot, Core.Patterns.PatternLifecycle? lifecycle = null) =>
        PatternMemory.WithShipped(storeRoot, Orchestration.Catalog.DefaultCatalog.PatternStores(storeRoot).Skip(1), lifecycle);
    /// <summary>Says on stderr which pattern files could not be read (AOP1052), so a listing that leaves them out
    /// never looks complete: a hand edit that broke a pattern was dropped without a word.</summary>
    public static void WarnUnreadable(IEnumerable<SourcedPattern> patterns)
    {
        foreach (var p in patterns.Where(p => p.Stored.Pattern is null))
            Console.Error.WriteLine(Orchestration.Catalog.Ranking.LearnedSignals.Ignored(p.Stored).ToString());
    }

    public static Option<bool> JsonOption() => new("--json") { Description = "Stable JSON output for scripts." };

    public static string Project(ParseResult r, Option<string?> project) => Path.GetFullPath(r.GetValue(project) ?? Environment.CurrentDirectory);
    public static string Store(ParseResult r, Option<string?> project, Option<string?> store) =>
        Path.GetFullPath(r.GetValue(store) ?? Path.Combine(Project(r, project), ".agentops"));

    /// <summary>The execution files named on the command line: a folder stands for the .json/.jsonl files in
    /// it; a path that does not exist fails the command (AOP0913, exit 6) before anything is read.
    /// Null when none were given (the project's executions folder is read).</summary>
    public static IReadOnlyList<string>? ExecutionFiles(IReadOnlyList<string>? given)
    {
        if (given is null || given.Count == 0) return null;
        var files = new List<string>();
        foreach (var g in given)
        {
            var full = Path.GetFullPath(g);
            if (Directory.Exists(full))
                files.AddRange(Directory.EnumerateFiles(full).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            else if (File.Exists(full))
            {
                // Opening a FIFO blocks until a writer comes, a device never ends, a symlink loop cannot be read.
                if (Core.Security.FileKind.OfTarget(full) is var type and not Core.Security.FileType.Regular)
                    throw new LearningException(Core.Diagnostics.DiagnosticCodes.ExecutionFileSkipped, $"{g}: {Core.Security.FileKind.Describe(type)}, not a regular file; nothing was learned", ExitCodes.InvalidInput);
                files.Add(full);
            }
            else throw new LearningException(Core.Diagnostics.DiagnosticCodes.ExecutionNotFound, $"{g}: no such execution file or folder; nothing was learned", ExitCodes.NotFound);
        }
        return files;
    }

    public static int Run(Func<int> body)
    {
        try { return body(); }
        catch (LearningException ex)
        {
            Console.Error.WriteLine($"error {ex.Code}: {ex.Message}");
            return ex.ExitCode;
        }
        catch (ExecutionRecordReader.ExecutionRecordException ex)
        {
            // file(line,col): error AOP0912: … — the form the build prints, so editors and CI jump to the field.
            Console.Error.WriteLine(Core.Security.SecretScanner.Redact(ex.ToDiagnostic().ToString(), out _));
            return ExitCodes.InvalidInput;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file that vanished, a permission, a symlink loop: a clear line and exit 1, never a stack trace.
            Console.Error.WriteLine($"error {Core.Diagnostics.DiagnosticCodes.StoreFolderUnreadable}: cannot read: {Core.Security.SecretScanner.Redact(ex.Message, out _)}");
            return ExitCodes.InvalidInput;
        }
    }

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static void WriteJson(Action<Utf8JsonWriter> write)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
            write(w);
        stdout.Write("\n"u8);
    }

    public static string Rate(double r) => r.ToString("0.00", CultureInfo.InvariantCulture);

    public static void PrintReport(LearnReport report, bool json, string storeRoot)
    {
        if (json)
        {
            WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("store", storeRoot);
                w.WriteNumber("executions_read", report.ExecutionsRead);
                w.WriteNumber("executions_skipped", report.ExecutionsSkipped);
                w.WriteStartArray("patterns");
                foreach (var p in report.Patterns.OrderBy(p => p.Id, StringComparer.Ordinal))
                {
                    w.WriteStartObject();
                    w.WriteString("id", p.Id);
                    w.WriteString("category", p.Category);
                    w.WriteString("lifecycle", Core.Patterns.PatternStore.FolderName(p.Lifecycle));
                    w.WriteNumber("executions", p.Executions);
                    w.WriteNumber("success_rate", Math.Round(p.SuccessRate, 4));
                    w.WriteBoolean("changed", p.Changed);
                    w.WriteString("path", p.Path);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("commits");
                foreach (var (sha, msg) in report.Commits) { w.WriteStartObject(); w.WriteString("sha", sha); w.WriteString("message", msg); w.WriteEndObject(); }
                w.WriteEndArray();
                w.WriteStartArray("redactions"); foreach (var r in report.Redactions) w.WriteStringValue(r); w.WriteEndArray();
                w.WriteStartArray("warnings"); foreach (var r in report.Warnings) w.WriteStringValue(r); w.WriteEndArray();
                w.WriteStartArray("diagnostics"); foreach (var d in report.Diagnostics) w.WriteStringValue(d.ToString()); w.WriteEndArray();
                w.WriteEndObject();
            });
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Pattern", "Category", "Lifecycle", "Executions", "Success", "Changed");
        foreach (var p in report.Patterns.OrderBy(p => p.Id, StringComparer.Ordinal))
            table.AddRow(Markup.Escape(p.Id), Markup.Escape(p.Category), Core.Patterns.PatternStore.FolderName(p.Lifecycle),
                p.Executions.ToString(CultureInfo.InvariantCulture), Rate(p.SuccessRate), p.Changed ? "yes" : "no");
        TerminalOutput.Current.Write(table);
        TerminalOutput.Current.MarkupLine($"Executions read: {report.ExecutionsRead} (skipped without steps: {report.ExecutionsSkipped}); store: {Markup.Escape(storeRoot)}");
        foreach (var (sha, msg) in report.Commits) TerminalOutput.Current.MarkupLine($"[green]commit[/] {sha[..10]} {Markup.Escape(msg)}");
        foreach (var r in report.Redactions) TerminalOutput.Current.MarkupLine($"[yellow]redacted[/] {Markup.Escape(r)}");
        foreach (var d in report.Diagnostics) Console.Error.WriteLine(d.ToString());
        foreach (var wn in report.Warnings) Console.Error.WriteLine("warning: " + wn);
    }
}
