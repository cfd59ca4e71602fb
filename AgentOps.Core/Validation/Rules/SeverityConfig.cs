using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

/// <summary>A configured severity: a <see cref="DiagnosticSeverity"/>, or null for "none" (the rule is off).</summary>
public sealed record ConfiguredSeverity(DiagnosticSeverity? Severity, string Source);

/// <summary>
/// Per-repository severities, the way .NET analyzers are configured: in .editorconfig files
/// (<c>agentops_diagnostic.AOP1103.severity = none|suggestion|warning|error</c>, under a section whose glob
/// matches the file; the nearest file wins, up to one with <c>root = true</c>), overridden by the MSBuild
/// property <c>AgentOpsDiagnosticSeverity</c> (<c>AOP1103=none;AOP1152:error</c>; '=' or ':') or `agentops validate --severity`.
/// </summary>
public sealed class SeverityConfig
{
    private const string Prefix = "agentops_diagnostic.";
    private readonly Dictionary<string, ConfiguredSeverity> _overrides;
    private readonly Dictionary<string, IReadOnlyList<EditorConfigFile>> _chains = new(StringComparer.Ordinal);

    public SeverityConfig(string? overrides = null)
    {
        _overrides = new(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in (overrides ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOfAny(['=', ':']);
            if (eq > 0) _overrides[pair[..eq].Trim()] = new(Parse(pair[(eq + 1)..].Trim(), out var ok), ok ? "AgentOpsDiagnosticSeverity" : "invalid:" + pair);
        }
        Problems = _overrides.Where(o => o.Value.Source.StartsWith("invalid:", StringComparison.Ordinal))
            .Select(o => $"AgentOpsDiagnosticSeverity: '{o.Value.Source[8..]}' is not code=severity (none, suggestion, warning or error)").ToList();
    }

    /// <summary>Settings that could not be read (reported once as AOP1191).</summary>
    public List<string> Problems { get; }

    public ConfiguredSeverity? For(string code, string file)
    {
        if (_overrides.TryGetValue(code, out var forced) && !forced.Source.StartsWith("invalid:", StringComparison.Ordinal)) return forced;
        if (file.Length == 0) return null; // a finding on no file has no .editorconfig section to match
        var key = Prefix + code.ToLowerInvariant() + ".severity";
        foreach (var config in Chain(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ""))
            if (config.Find(file, key) is { } value)
            {
                var severity = Parse(value, out var ok);
                if (ok) return new(severity, config.Path);
                Problems.Add($"{config.Path}: '{value}' is not none, suggestion, warning or error ({code})");
            }
        return null;
    }

    private static DiagnosticSeverity? Parse(string value, out bool ok)
    {
        ok = true;
        switch (value.ToLowerInvariant())
        {
            case "none" or "silent": return null;
            case "suggestion" or "info": return DiagnosticSeverity.Info;
            case "warning": return DiagnosticSeverity.Warning;
            case "error": return DiagnosticSeverity.Error;
            default: ok = false; return null;
        }
    }

    // Nearest first, stopping after a file that says root = true.
    private IReadOnlyList<EditorConfigFile> Chain(string directory)
    {
        if (_chains.TryGetValue(directory, out var chain)) return chain;
        var list = new List<EditorConfigFile>();
        for (var dir = directory; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            var path = Path.Combine(dir, ".editorconfig");
            if (!File.Exists(path) || EditorConfigFile.Read(path) is not { } config) continue;
            Problems.AddRange(config.InvalidSections.Select(section => $"{config.Path}: section {(section.Length > 80 ? section[..80] + "…" : section)} is not a glob (unbalanced braces, or longer than 4,096 characters): it applies to no file"));
            list.Add(config);
            if (config.IsRoot) break;
        }
        return _chains[directory] = list;
    }
}
