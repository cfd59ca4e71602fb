using System.Text.RegularExpressions;

namespace AgentOps.Core.Validation;

/// <summary>A risky construct found in a shell command line: its kind and where it starts.</summary>
public sealed record ShellRiskFinding(ShellRiskKind Kind, int Index, string What);

public enum ShellRiskKind { DownloadAndExecute, Obfuscated, DotfileScript, Network }

/// <summary>
/// Recognises what a reviewer must see in a command a plugin runs (hooks, their scripts, `!` dynamic
/// context): code fetched and run in one go (curl … | sh, bash &lt;(curl …)), decoded-then-run payloads
/// (base64 -d | sh, eval "$(… base64 …)"), scripts run from hidden folders (~/.x/…, ./.cache/…) and
/// network calls. Patterns, not a shell parser: each finding names the construct for a human to judge.
/// </summary>
public static partial class ShellRisk
{
    public static IEnumerable<ShellRiskFinding> Scan(string command)
    {
        if (DownloadPipe().Match(command) is { Success: true } pipe)
            yield return new(ShellRiskKind.DownloadAndExecute, pipe.Index, "downloads code and pipes it into a shell");
        else if (DownloadSubstitution().Match(command) is { Success: true } sub)
            yield return new(ShellRiskKind.DownloadAndExecute, sub.Index, "runs what a download prints (process or command substitution)");
        if (DecodePipe().Match(command) is { Success: true } decode)
            yield return new(ShellRiskKind.Obfuscated, decode.Index, "decodes an encoded payload and runs it");
        else if (EvalDecoded().Match(command) is { Success: true } eval)
            yield return new(ShellRiskKind.Obfuscated, eval.Index, "evaluates decoded or downloaded text");
        if (DotfileScript().Match(command) is { Success: true } dot)
            yield return new(ShellRiskKind.DotfileScript, dot.Index, $"runs '{dot.Groups["path"].Value}' from a hidden folder, outside what a reviewer sees");
        if (Network().Match(command) is { Success: true } net && !DownloadPipe().IsMatch(command) && !DownloadSubstitution().IsMatch(command))
            yield return new(ShellRiskKind.Network, net.Index, $"makes a network call ({net.Groups["tool"].Value.Trim()})");
    }

    private const string Fetch = @"\b(curl|wget|fetch|Invoke-WebRequest|iwr|Invoke-RestMethod|irm)\b";
    private const string Shell = @"(sudo\s+)?(ba|z|da|k|c|tc|fi)?sh|python[0-9.]*|perl|ruby|node|pwsh|powershell|iex|Invoke-Expression|source|\.";

    [GeneratedRegex(Fetch + @"[^|;&\n]*\|\s*(" + Shell + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex DownloadPipe();

    [GeneratedRegex(@"(\b(ba|z)?sh|\bsource|\beval|\biex|(^|[\s;&|])\.)\s*[<$]\(\s*" + Fetch, RegexOptions.IgnoreCase)]
    private static partial Regex DownloadSubstitution();

    [GeneratedRegex(@"\b(base64\s+(-d|--decode|-D)|xxd\s+-r|openssl\s+(enc\s+)?-?base64\s+-d|FromBase64String)\b[^;&\n]*\|\s*(" + Shell + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex DecodePipe();

    [GeneratedRegex(@"\b(eval|iex|Invoke-Expression)\b[^;&\n]*(base64|FromBase64String|xxd\s+-r|\\x[0-9a-f]{2}|" + Fetch + ")", RegexOptions.IgnoreCase)]
    private static partial Regex EvalDecoded();

    // A script (or interpreter argument) under ~/.x/, $HOME/.x/ or ./.x/: dot folders are hidden from
    // `ls` and from most review tools, and ~ is outside the plugin.
    [GeneratedRegex(@"(?<path>(~|\$\{?HOME\}?|\.)/\.[A-Za-z0-9_-]+/[^\s;&|""']*)")]
    private static partial Regex DotfileScript();

    [GeneratedRegex(@"(?<tool>" + Fetch + @"|\b(nc|ncat|netcat|telnet|ssh|scp|rsync|ftp|sftp)\s|/dev/tcp/)", RegexOptions.IgnoreCase)]
    private static partial Regex Network();
}
