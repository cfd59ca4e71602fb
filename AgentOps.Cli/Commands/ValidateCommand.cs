using System.CommandLine;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Validation;

namespace AgentOps.Cli.Commands;

/// <summary>
/// <c>agentops validate &lt;dir&gt;</c>: a hand-written marketplace or plugin folder checked with the
/// build's own rules (MarketplaceFolderValidator / PluginFolderValidator). Exit 0 clean (warnings
/// allowed), 1 errors, 2 usage.
/// </summary>
public static class ValidateCommand
{

    public static Command Create()
    {
        var path = new Argument<string?>("path") { Description = "Marketplace or plugin folder (or its .claude-plugin/*.json).", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print a JSON document instead of canonical lines." };
        var sarif = new Option<bool>("--sarif") { Description = "Print SARIF 2.1.0 (for GitHub code scanning) instead of canonical lines." };
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Report warnings as errors (exit 1 on any finding)." };
        var severity = new Option<string?>("--severity") { Description = "Severities over .editorconfig's agentops_diagnostic settings, as in the build's AgentOpsDiagnosticSeverity: AOP1103=none;AOP1152=error." };
        var cmd = new Command("validate",
            "Validate a Claude Code marketplace or plugin folder as it is, with the rules the build uses. " +
            "Findings as path(line,col): error|warning AOPnnnn: message (see docs/diagnostics.md). Exit 0 clean, 1 errors, 2 usage.")
        {
            TreatUnmatchedTokensAsErrors = false, // usage problems exit 2 from the action, not System.CommandLine's 1
        };
        cmd.Arguments.Add(path);
        cmd.Options.Add(json);
        cmd.Options.Add(sarif);
        cmd.Options.Add(warningsAsErrors);
        cmd.Options.Add(severity);
        cmd.SetAction(r =>
        {
            if (r.UnmatchedTokens.Count > 0) return UsageError($"unexpected argument '{r.UnmatchedTokens[0]}'");
            if (r.GetValue(path) is not { Length: > 0 } target) return UsageError("missing <path>: the marketplace or plugin folder to validate");
            if (r.GetValue(json) && r.GetValue(sarif)) return UsageError("--json and --sarif are exclusive");
            return Run(target, r.GetValue(json) ? Format.Json : r.GetValue(sarif) ? Format.Sarif : Format.Canonical,
                r.GetValue(warningsAsErrors), Console.Out, r.GetValue(severity));
        });
        return cmd;
    }

    public enum Format { Canonical, Json, Sarif }

    /// <summary>Validates and writes the report; returns the exit code.</summary>
    public static int Run(string target, Format format, bool warningsAsErrors, TextWriter output, string? severityOverrides = null)
    {
        FolderValidationResult result;
        try { result = FolderValidation.Validate(target, severityOverrides); }
        catch (ArgumentException ex) { return UsageError(ex.Message); }

        var diagnostics = result.Diagnostics
            .Select(d => warningsAsErrors && d.Severity == DiagnosticSeverity.Warning ? d with { Severity = DiagnosticSeverity.Error } : d)
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        var baseDirectory = BaseDirectory(result.Root);
        switch (format)
        {
            case Format.Json:
                DiagnosticWriters.WriteJson(output, result.Root, result.Kind.ToString().ToLowerInvariant(), diagnostics, baseDirectory);
                break;
            case Format.Sarif:
                DiagnosticWriters.WriteSarif(output, diagnostics, baseDirectory, ToolVersion.Current);
                break;
            default:
                DiagnosticWriters.WriteCanonical(output, diagnostics);
                var errors = diagnostics.Count(d => d.IsError);
                var warnings = diagnostics.Count - errors;
                output.WriteLine($"{result.Kind.ToString().ToLowerInvariant()} {result.Root}: {errors} error(s), {warnings} warning(s)");
                break;
        }
        return diagnostics.Any(d => d.IsError) ? ExitCodes.InvalidInput : ExitCodes.Ok;
    }

    // SARIF paths are relative to the working directory when the target is under it (a CI job runs at the
    // repository root, which is what code scanning resolves against), else to the target itself.
    private static string BaseDirectory(string root)
    {
        var cwd = Path.GetFullPath(Environment.CurrentDirectory);
        var relative = Path.GetRelativePath(cwd, root);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? root : cwd;
    }

    private static int UsageError(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        Console.Error.WriteLine("usage: agentops validate <path> [--json | --sarif] [--warnings-as-errors]");
        return ExitCodes.Usage;
    }
}
