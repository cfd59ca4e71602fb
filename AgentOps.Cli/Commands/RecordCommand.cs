using System.CommandLine;
using AgentOps.Orchestration.Learning;

namespace AgentOps.Cli.Commands;

/// <summary>
/// <c>agentops record [--project P]</c>: appends the hook payload on stdin to
/// <c>&lt;project&gt;/.agentops/executions/&lt;session_id&gt;.jsonl</c>. Always exits 0 (bad input is logged
/// to <c>.agentops/logs/record-errors.log</c>). Program.Main dispatches it through <see cref="RunFast"/>
/// before building the command tree, to keep hook latency low.
/// </summary>
public static class RecordCommand
{
    public static Command Create()
    {
        var project = new Option<string?>("--project") { Description = "Project folder (default: the payload's cwd)." };
        var cmd = new Command("record", "Append one Claude Code hook payload (JSON on stdin) to <project>/.agentops/executions/<session_id>.jsonl. Never fails the hook: always exits 0; bad input goes to .agentops/logs/record-errors.log.");
        cmd.Options.Add(project);
        cmd.SetAction(r => Run(r.GetValue(project)));
        return cmd;
    }

    /// <summary>Fast path: <c>args[0] == "record"</c>, parsed by hand.</summary>
    public static int RunFast(string[] args)
    {
        string? project = null;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--project" && i + 1 < args.Length) project = args[++i];
            else if (args[i].StartsWith("--project=", StringComparison.Ordinal)) project = args[i]["--project=".Length..];
            else if (args[i] is "-h" or "--help" or "-?") return -1; // let System.CommandLine print help
        }
        return Run(project);
    }

    private static int Run(string? project)
    {
        try
        {
            using var stdin = Console.OpenStandardInput();
            HookRecorder.Record(stdin, project is null ? null : Path.GetFullPath(project), DateTimeOffset.UtcNow);
        }
        catch { /* never fail Claude Code */ }
        return 0;
    }
}
