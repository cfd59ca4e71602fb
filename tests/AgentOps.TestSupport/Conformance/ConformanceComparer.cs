using System.Diagnostics;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;
using Newtonsoft.Json.Linq;

namespace AgentOps.Tests.Conformance;

/// <summary>Both verdicts on one corpus folder.</summary>
public sealed record CaseComparison(string Id, string ErrorClass, string Folder, ClaudeVerdict Cli, IReadOnlyList<Diagnostic> Ours)
{
    public bool CliRejects => Cli.Rejected;
    public bool OursRejects => Ours.Any(d => d.IsError);
    public bool FalseNegative => CliRejects && !OursRejects;

    /// <summary>Files (relative, '/'-separated) the CLI reports an error in.</summary>
    public IReadOnlySet<string> CliErrorFiles => Cli.Errors.Select(e => ConformanceComparer.AttributeFile(Folder, e)).ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> OurErrorFiles => Ours.Where(d => d.IsError).Select(d => ConformanceComparer.Relative(Folder, d.File)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Files the CLI rejects and we report no error in.</summary>
    public IEnumerable<string> FileFalseNegatives => CliErrorFiles.Where(f => !OurErrorFiles.Contains(f));

    /// <summary>Our errors in files the CLI has no error in: each must be a documented stricter rule.</summary>
    public IEnumerable<Diagnostic> OnlyOurs => Ours.Where(d => d.IsError && !CliErrorFiles.Contains(ConformanceComparer.Relative(Folder, d.File)));
}

/// <summary>The agreement table of the conformance corpus (what the bench prints and the doc quotes).</summary>
public sealed record AgreementTable(int Files, int CliErrors, int OurErrors, int Both, int OnlyCli, int OnlyOurs, TimeSpan CliTime, TimeSpan OurTime)
{
    public static AgreementTable Of(IReadOnlyList<CaseComparison> cases, TimeSpan cliTime, TimeSpan ourTime) => new(
        cases.Count, cases.Count(c => c.CliRejects), cases.Count(c => c.OursRejects), cases.Count(c => c.CliRejects && c.OursRejects),
        cases.Count(c => c.CliRejects && !c.OursRejects), cases.Count(c => !c.CliRejects && c.OursRejects), cliTime, ourTime);

    public override string ToString() =>
        $"| files | CLI errors | our errors | both | only CLI | only ours |\n|---:|---:|---:|---:|---:|---:|\n" +
        $"| {Files} | {CliErrors} | {OurErrors} | {Both} | {OnlyCli} | {OnlyOurs} |";
}

/// <summary>
/// Runs both validators on a set of folders: the real CLI through <see cref="ClaudeValidateRunner"/>
/// (cached, parallel) and ours through <see cref="FolderValidation"/> (the `agentops validate` front door).
/// </summary>
public static class ConformanceComparer
{
    public static (IReadOnlyList<CaseComparison> Cases, TimeSpan CliTime, TimeSpan OurTime) Compare(
        ClaudeValidateRunner cli, IReadOnlyList<(string Id, string ErrorClass, string Folder)> folders)
    {
        var watch = Stopwatch.StartNew();
        var cliVerdicts = cli.ValidateAll(folders.Select(f => f.Folder).ToList());
        var cliTime = watch.Elapsed;
        watch.Restart();
        var ours = folders.Select(f => OursOrCrash(f.Folder)).ToList();
        var ourTime = watch.Elapsed;
        var cases = folders.Select((f, i) => new CaseComparison(f.Id, f.ErrorClass, f.Folder, cliVerdicts[f.Folder], ours[i])).ToList();
        return (cases, cliTime, ourTime);
    }

    public const string CrashCode = "CRASH";

    // A validator that throws is the worst disagreement: reported as a finding the tests name, not a stopped run.
    private static IReadOnlyList<Diagnostic> OursOrCrash(string folder)
    {
        try { return FolderValidation.Validate(folder).Diagnostics; }
        catch (Exception ex)
        {
            return [new Diagnostic(CrashCode, DiagnosticSeverity.Error, folder, 0, 0, ex.ToString())];
        }
    }

    public static string Relative(string folder, string file)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(file)).Replace('\\', '/');
        return relative == "." ? "" : relative;
    }

    /// <summary>The file a CLI error is about. The CLI reports a local plugin's plugin.json problems under
    /// marketplace.json as "plugins[N] plugin.json → field"; those belong to that plugin's plugin.json.</summary>
    public static string AttributeFile(string folder, ClaudeFinding e)
    {
        if (!e.File.EndsWith("marketplace.json", StringComparison.Ordinal) || !e.Path.StartsWith("plugins[", StringComparison.Ordinal) || !e.Path.Contains("plugin.json", StringComparison.Ordinal))
            return e.File;
        var close = e.Path.IndexOf(']');
        if (close < 0 || !int.TryParse(e.Path.AsSpan(8, close - 8), out var index)) return e.File;
        try
        {
            var manifest = JObject.Parse(File.ReadAllText(Path.Combine(folder, e.File)));
            if (manifest["plugins"]?[index]?["source"] is JValue { Type: JTokenType.String } source && ((string)source!).StartsWith("./", StringComparison.Ordinal))
                return Relative(folder, Path.Combine(folder, ((string)source!)[2..], ".claude-plugin", "plugin.json"));
        }
        catch (Exception ex) when (ex is IOException or Newtonsoft.Json.JsonException or ArgumentException) { }
        return e.File;
    }
}
