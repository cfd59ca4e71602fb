using System.Security.Cryptography;
using System.Text;
using AgentOps.Core.Security;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// Redacts every text of an execution the moment it is read, before anything cuts, joins or stores
/// it: the task (prompt), step names and descriptions, the failure reason and the id. Everything
/// downstream (pattern files, ledgers, metrics, commit messages) then only ever sees redacted text;
/// the writers redact again as a second line of defence.
/// </summary>
public static class ExecutionRedactor
{
    public static Execution Redact(Execution e) => Redact(e, new List<SecretFinding>());

    private static Execution Redact(Execution e, List<SecretFinding> found)
    {
        // Step names repeat (200,000 steps of five agents): each distinct text is scanned once, and its findings
        // still count at every place it appears.
        var seen = new Dictionary<string, (string Text, IReadOnlyList<SecretFinding> Found)>(StringComparer.Ordinal);
        string R(string s)
        {
            if (!seen.TryGetValue(s, out var r)) seen[s] = r = (SecretScanner.Redact(s, out var f), f);
            found.AddRange(r.Found);
            return r.Text;
        }
        string? RN(string? s) => s is null ? null : R(s);
        string Id(string s) { var f = SecretScanner.Scan(s); found.AddRange(f); return f.Count == 0 ? s : HashedId(s); }
        return e with
        {
            Id = Id(e.Id),
            Task = R(e.Task),
            FailureReason = RN(e.FailureReason),
            Steps = e.Steps.Select(s => s with
            {
                Name = R(s.Name),
                Description = RN(s.Description),
                ToolUseId = s.ToolUseId is null ? null : Id(s.ToolUseId),
            }).ToList(),
        };
    }

    /// <summary>An id holding a secret (a session id can be any safe file name, "ghp_…" included) becomes
    /// <c>redacted-&lt;hash&gt;</c>: still unique, so two such executions are not merged into one.</summary>
    public static string RedactId(string id) => SecretScanner.Scan(id).Count == 0 ? id : HashedId(id);

    private static string HashedId(string id) => "redacted-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..12];

    public static ExecutionParseResult Redact(ExecutionParseResult r)
    {
        var found = new List<SecretFinding>();
        var execution = r.Execution is null ? null : Redact(r.Execution, found);
        var warnings = r.Warnings.Select(w => { var x = SecretScanner.Redact(w, out var f); found.AddRange(f); return x; }).ToList();
        var redactions = found.Count == 0 ? [] : new List<string>
        {
            $"execution {execution?.Id ?? "(unreadable)"}: redacted {found.Count} secret(s) on reading ({string.Join(", ", found.Select(f => f.Kind).Distinct().Order(StringComparer.Ordinal))})",
        };
        return r with { Execution = execution, Warnings = warnings, Redactions = [.. r.Redactions, .. redactions] };
    }
}
