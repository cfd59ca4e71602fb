using System.Text.RegularExpressions;

namespace AgentOps.Core.Security;

/// <summary>A secret found in text: its kind and where it is (1-based line and column).</summary>
public sealed record SecretFinding(string Kind, int Line, int Column, int Index, int Length);

/// <summary>
/// Finds credentials and personal data in text before it is written or committed: API keys, tokens,
/// private keys, passwords, connection strings and people's e-mail addresses. Shared by the build's
/// secret check and the learning engine's redaction, so both agree on what a secret is.
/// </summary>
public static partial class SecretScanner
{
    public const string Redacted = "[REDACTED]";

    private static readonly (string Kind, Regex Pattern)[] Rules =
    [
        ("private-key", PrivateKey()),
        ("anthropic-api-key", AnthropicKey()),
        ("openai-api-key", OpenAiKey()),
        ("aws-access-key", AwsKey()),
        ("github-token", GitHubToken()),
        ("slack-token", SlackToken()),
        ("google-api-key", GoogleKey()),
        ("jwt", Jwt()),
        ("connection-string", ConnectionString()),
        ("url-credentials", UrlCredentials()),
        ("password-assignment", PasswordAssignment()),
        ("bearer-token", BearerToken()),
        ("email", Email()),
    ];

    public static IReadOnlyList<SecretFinding> Scan(string text)
    {
        var findings = new List<SecretFinding>();
        var taken = new List<(int Start, int End)>();
        foreach (var (kind, pattern) in Rules)
        {
            foreach (Match m in pattern.Matches(text))
            {
                var g = m.Groups["secret"].Success ? m.Groups["secret"] : (Group)m;
                if (IsAllowed(kind, g.Value) || taken.Any(t => g.Index < t.End && t.Start < g.Index + g.Length)) continue;
                taken.Add((g.Index, g.Index + g.Length));
                var (line, column) = Position(text, g.Index);
                findings.Add(new SecretFinding(kind, line, column, g.Index, g.Length));
            }
        }
        return findings.OrderBy(f => f.Index).ToList();
    }

    /// <summary>Replaces every secret with <see cref="Redacted"/>; returns the findings it replaced.</summary>
    public static string Redact(string text, out IReadOnlyList<SecretFinding> findings)
    {
        findings = Scan(text);
        if (findings.Count == 0) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (var f in findings)
        {
            sb.Append(text, at, f.Index - at).Append(Redacted);
            at = f.Index + f.Length;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    // Placeholders in docs and examples are not secrets.
    private static bool IsAllowed(string kind, string value) =>
        value.Contains("example", StringComparison.OrdinalIgnoreCase)
        || value.Contains("REDACTED", StringComparison.Ordinal)
        || value.Contains("${", StringComparison.Ordinal)
        || value.Contains('<') || value.All(c => c is 'x' or 'X' or '*' or '.')
        || (kind == "email" && (value.EndsWith("@users.noreply.github.com", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("noreply@", StringComparison.OrdinalIgnoreCase)));

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        return (line, index - lineStart + 1);
    }

    [GeneratedRegex(@"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----[\s\S]*?(?:-----END (?:[A-Z]+ )?PRIVATE KEY-----|$)")]
    private static partial Regex PrivateKey();
    [GeneratedRegex(@"\bsk-ant-[A-Za-z0-9_\-]{20,}")]
    private static partial Regex AnthropicKey();
    [GeneratedRegex(@"\bsk-(?:proj-)?[A-Za-z0-9]{20,}")]
    private static partial Regex OpenAiKey();
    [GeneratedRegex(@"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b")]
    private static partial Regex AwsKey();
    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")]
    private static partial Regex GitHubToken();
    [GeneratedRegex(@"\bxox[abprs]-[A-Za-z0-9-]{10,}")]
    private static partial Regex SlackToken();
    [GeneratedRegex(@"\bAIza[0-9A-Za-z_\-]{35}")]
    private static partial Regex GoogleKey();
    [GeneratedRegex(@"\beyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}")]
    private static partial Regex Jwt();
    [GeneratedRegex(@"(?i)\b(?:Server|Data Source|Host)=[^;\n]+;[^\n]*?(?:Password|Pwd)=(?<secret>[^;\s""']+)")]
    private static partial Regex ConnectionString();
    [GeneratedRegex(@"(?i)\b[a-z][a-z0-9+.\-]*://[^\s:/@""']+:(?<secret>[^\s@/""']{3,})@")]
    private static partial Regex UrlCredentials();
    [GeneratedRegex(@"(?i)\b(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?token|client[_-]?secret)\b[""']?\s*[:=]\s*[""']?(?<secret>[^\s""',;]{6,})")]
    private static partial Regex PasswordAssignment();
    [GeneratedRegex(@"(?i)\bBearer\s+(?<secret>[A-Za-z0-9_\-\.=]{20,})")]
    private static partial Regex BearerToken();
    [GeneratedRegex(@"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\b")]
    private static partial Regex Email();
}
