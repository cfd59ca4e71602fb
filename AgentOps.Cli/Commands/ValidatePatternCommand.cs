using AgentOps.Core.Diagnostics;
using System.CommandLine;
using AgentOps.Orchestration.Learning;

namespace AgentOps.Cli.Commands;

/// <summary><c>agentops validate-pattern &lt;file&gt;</c>: the pattern format's rules, with line numbers.</summary>
public static class ValidatePatternCommand
{
    public static Command Create()
    {
        var json = LearningCli.JsonOption();
        var files = new Argument<string[]>("files") { Description = "Pattern files (.md).", Arity = ArgumentArity.OneOrMore };
        var cmd = new Command("validate-pattern", "Check learned pattern files (plugins/agentops-meta-orchestrator/docs/PATTERN_FORMAT.md); findings as path(line,col): error CODE: message. Exit 0 valid, 1 errors, 6 file not found.");
        cmd.Options.Add(json);
        cmd.Arguments.Add(files);
        cmd.SetAction(r =>
        {
            var all = new List<Core.Diagnostics.Diagnostic>();
            var missing = false;
            foreach (var f in r.GetValue(files) ?? [])
            {
                if (!File.Exists(f)) { Console.Error.WriteLine($"error: {f}: not found"); missing = true; continue; }
                all.AddRange(PatternChecks.ValidateFile(f));
            }
            if (r.GetValue(json))
                LearningCli.WriteJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteBoolean("valid", !missing && !all.Any(d => d.IsError));
                    DiagnosticJson.WriteArray(w, all);
                    w.WriteEndObject();
                });
            else
            {
                foreach (var d in all) Console.WriteLine(d.ToString());
                if (!missing && !all.Any(d => d.IsError)) Console.WriteLine("valid");
            }
            return missing ? 6 : all.Any(d => d.IsError) ? 1 : 0;
        });
        return cmd;
    }
}
