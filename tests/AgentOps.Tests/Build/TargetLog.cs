using System.Text.RegularExpressions;

namespace AgentOps.Tests.Build;

/// <summary>
/// Which targets ran and which were skipped as up to date, per project, read from a detailed (`-v:d -m:1`)
/// build log the way MSBuild's own incremental-build tests read theirs.
/// </summary>
internal sealed partial class TargetLog
{
    private readonly List<(string Project, string Target, bool Ran)> _runs = [];

    public string Text { get; }

    public TargetLog(string log)
    {
        Text = log;
        var lines = log.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (TargetStart().Match(lines[i]) is not { Success: true } start) continue;
            var target = start.Groups["target"].Value;
            var project = Path.GetFileNameWithoutExtension(start.Groups["project"].Value);
            // The verdict follows the "Target ... in file" line; a target without Inputs/Outputs has no "Skipping" line.
            for (var j = i + 1; j < Math.Min(lines.Length, i + 4); j++)
            {
                if (lines[j].Contains($"Skipping target \"{target}\" because all output files are up-to-date", StringComparison.Ordinal)) { _runs.Add((project, target, false)); break; }
                if (lines[j].Contains($"Building target \"{target}\" completely", StringComparison.Ordinal)
                    || lines[j].Contains($"Building target \"{target}\" partially", StringComparison.Ordinal)) { _runs.Add((project, target, true)); break; }
            }
        }
    }

    /// <summary>Projects (file name without extension) in which <paramref name="target"/> did its work.</summary>
    public IReadOnlyList<string> Ran(string target) => _runs.Where(r => r.Target == target && r.Ran).Select(r => r.Project).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Projects in which <paramref name="target"/> was skipped as up to date.</summary>
    public IReadOnlyList<string> Skipped(string target) => _runs.Where(r => r.Target == target && !r.Ran).Select(r => r.Project).Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex("Target \"(?<target>[^\"]+)\" in file \"[^\"]*\" from project \"(?<project>[^\"]+)\"")]
    private static partial Regex TargetStart();
}
