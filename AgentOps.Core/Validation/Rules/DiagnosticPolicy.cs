using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

/// <summary>
/// What every front door (the MSBuild tasks, `agentops validate`) does with the findings before showing
/// them: drop repeats, apply the repository's severities (<see cref="SeverityConfig"/>) and inline
/// suppressions (<see cref="InlineSuppression"/>), and say so in the message of an error that is
/// stricter than Claude Code. An error Claude Code shares cannot be lowered or suppressed: the CLI would
/// still refuse the plugin.
/// </summary>
public static class DiagnosticPolicy
{
    public static IReadOnlyList<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics, string? severityOverrides = null)
    {
        var config = new SeverityConfig(severityOverrides);
        var suppression = new InlineSuppression();
        var result = new List<Diagnostic>();
        var refused = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in diagnostics.Distinct())
        {
            var sharedError = d.IsError && !StricterThanClaudeCode.Reasons.ContainsKey(d.Code);
            var configured = config.For(d.Code, d.File);
            if (sharedError)
            {
                if (configured is not null && configured.Severity != DiagnosticSeverity.Error && refused.Add(d.Code + configured.Source))
                    result.Add(new Diagnostic(DiagnosticCodes.SeverityConfigInvalid, DiagnosticSeverity.Warning, configured.Source, 0, 0,
                        $"{d.Code} cannot be lowered: Claude Code rejects what it reports too, so the plugin would still fail to load"));
                result.Add(d);
                continue;
            }
            if (suppression.Suppresses(d)) continue;
            if (configured is not null)
            {
                if (configured.Severity is not { } severity) continue;
                var raised = severity == DiagnosticSeverity.Error && !d.IsError;
                result.Add(StricterThanClaudeCode.Mark(d with
                {
                    Severity = severity,
                    Message = raised ? $"{d.Message} (an error by {configured.Source}; {StricterThanClaudeCode.Marker}, which accepts it)" : d.Message,
                }));
            }
            else result.Add(StricterThanClaudeCode.Mark(d));
        }
        result.AddRange(suppression.Problems);
        result.AddRange(config.Problems.Distinct().Select(p => new Diagnostic(DiagnosticCodes.SeverityConfigInvalid, DiagnosticSeverity.Warning, p.Split(": ")[0], 0, 0, p)));
        return result;
    }
}
