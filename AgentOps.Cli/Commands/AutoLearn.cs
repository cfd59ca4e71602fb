using System.Globalization;
using AgentOps.Orchestration.Learning;

namespace AgentOps.Cli.Commands;

/// <summary>
/// <c>agentops learn --auto</c>: what the plugin's SessionEnd hook starts, detached from the session.
/// It must never fail, block or talk: it waits for another learn at most <see cref="LockWait"/>, stops
/// itself at the deadline, exits 0 whatever happens, and writes one summary line per run (or the
/// error) to <c>&lt;project&gt;/.agentops/logs/auto-learn.log</c>. What it learns goes to the learnings
/// branch exactly as an on-demand <c>agentops learn</c>.
/// </summary>
internal static class AutoLearn
{
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(60);

    public static int Run(LearnOptions options, TimeSpan deadline)
    {
        var log = Path.Combine(options.Project, ".agentops", "logs", "auto-learn.log");
        // Bounded: a run that has not finished by the deadline ends the process (a branch update is one
        // ref write, so it is either made or not; loose objects of an unfinished commit are garbage git collects).
        using var stop = new Timer(_ => { Write(log, $"stopped at the {deadline.TotalSeconds:0} s deadline"); Environment.Exit(0); },
            null, deadline, Timeout.InfiniteTimeSpan);
        try
        {
            var report = LearningEngine.Learn(options with { LockTimeout = LockWait });
            var learned = report.Patterns.Where(p => p.Changed).Select(p => $"{p.Id} ({PatternLifecycleName(p)}, {p.Executions} executions)");
            Write(log, $"read {report.ExecutionsRead} execution(s); changed: {string.Join(", ", learned.DefaultIfEmpty("nothing"))}; commits: {report.Commits.Count}" +
                (report.Warnings.Count > 0 ? $"; warnings: {report.Warnings.Count}" : ""));
        }
        catch (Exception ex)
        {
            Write(log, $"failed: {(ex is Orchestration.Git.LearningException le ? le.Code + " " : "")}{ex.Message}");
        }
        return 0;
    }

    private static string PatternLifecycleName(PatternOutcome p) => Core.Patterns.PatternStore.FolderName(p.Lifecycle);

    private static void Write(string log, string message)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(log)!);
            var line = $"{DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} {message.Replace('\n', ' ')}\n";
            HookRecorder.AppendLine(log, System.Text.Encoding.UTF8.GetBytes(line));
        }
        catch { /* the session is gone; there is no one to tell */ }
    }
}
