using System.Globalization;
using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Markdown;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Core.Patterns;

/// <summary>The pattern read from a file (null when unusable) and what was wrong with it, by line.</summary>
public sealed record PatternReadResult(LearnedPattern? Pattern, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

public sealed class PatternFormatException(string path, IReadOnlyList<Diagnostic> diagnostics)
    : Exception($"{path}: invalid pattern: " + string.Join("; ", diagnostics.Where(d => d.IsError).Select(d => d.Message)))
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}

/// <summary>
/// Reads pattern files (plugins/agentops-meta-orchestrator/docs/PATTERN_FORMAT.md) into <see cref="LearnedPattern"/>.
/// Lenient about the body (hand-written workflow lines are accepted), strict about the frontmatter
/// types, never throws from <see cref="Parse"/>.
/// </summary>
public static partial class PatternReader
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A pattern file larger than this is refused: real ones are a few KB.</summary>
    public const long MaxPatternBytes = 1024 * 1024;

    /// <summary>Reads a pattern file; throws <see cref="PatternFormatException"/> when it is unusable.</summary>
    public static LearnedPattern Read(string path)
    {
        var r = ReadFile(path);
        return r.Pattern ?? throw new PatternFormatException(path, r.Diagnostics);
    }

    public static PatternReadResult ReadFile(string path)
    {
        // The one text reader: regular files only, size-bounded, strict UTF-8 (a pattern arrives by git pull too).
        if (!AgentOps.Core.Validation.TextFileReader.TryRead(path, MaxPatternBytes, out var text, out var problem))
            return new(null, [problem! with { Code = problem.Code == DiagnosticCodes.FileUnreadable ? DiagnosticCodes.PatternUnreadable : problem.Code, Message = $"cannot read pattern: {problem.Message}" }]);
        return Parse(path, text);
    }

    /// <summary>Parsed texts, by path and text: the planner reads the whole store for every plan (issue 15:
    /// parsing was a third of planning with 150 learned executions), and a pattern's text only changes when it
    /// learns something, which makes a new text. The result is immutable (records and read-only lists), so
    /// callers share it.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Path, string Text), PatternReadResult> Parsed = new();

    /// <summary>Beyond this many remembered texts the memo starts over (every learned execution rewrites a pattern).</summary>
    private const int MaxParsed = 2_048;

    /// <summary>Forgets every parsed text (tests: a plan from a cold memo equals one from a warm memo).</summary>
    internal static void ForgetParsed() => Parsed.Clear();

    public static PatternReadResult Parse(string path, string text)
    {
        if (Parsed.TryGetValue((path, text), out var known)) return known;
        if (Parsed.Count >= MaxParsed) Parsed.Clear();
        return Parsed[(path, text)] = ParseText(path, text);
    }

    private static PatternReadResult ParseText(string path, string text) => FromDocument(MarkdownDocument.Parse(path, text));

    /// <summary>The pattern of a parsed document: <see cref="Validation.PatternValidator"/> has parsed the text already
    /// and asks what the reader would pass over, without parsing it again.</summary>
    internal static PatternReadResult FromDocument(MarkdownDocument doc)
    {
        var path = doc.Path;
        var diags = new List<Diagnostic>(doc.Errors);
        if (!doc.HasFrontmatter)
        {
            diags.Add(Err(DiagnosticCodes.PatternFieldMissing, path, 1, "pattern has no YAML frontmatter (--- block with pattern_id, category, ...)"));
            return new(null, diags);
        }
        if (doc.Errors.Count > 0) return new(null, diags);

        var fmLine = doc.FrontmatterLine;
        string? id = Str(doc, "pattern_id", path, diags, required: true);
        if (id is not null && !PatternIds.IsValid(id))
        {
            diags.Add(Err(DiagnosticCodes.PatternIdInvalid, path, doc.Field("pattern_id")!.Line,
                $"pattern_id '{id}' is invalid: use [a-z0-9][a-z0-9_-]{{0,63}} (no '/', '..' or other path characters)"));
            id = null;
        }
        var category = Str(doc, "category", path, diags, required: true);
        var created = Date(doc, "created", path, diags, required: false);
        var updated = Date(doc, "updated", path, diags, required: false);
        var rate = Number(doc, "success_rate", path, diags);
        var executions = Int(doc, "executions", path, diags);
        var validated = Bool(doc, "validated", path, diags);
        var execIds = doc.Field("execution_ids")?.Items ?? [];
        var tags = doc.Field("tags")?.Items ?? [];

        var lines = doc.Body.Split('\n');
        string Section(string title, out int line)
        {
            var s = doc.Sections.FirstOrDefault(x => x.Level == 2 && x.Title.Equals(title, StringComparison.OrdinalIgnoreCase));
            line = s?.Line ?? 0;
            if (s is null) return "";
            var next = doc.Sections.FirstOrDefault(x => x.Line > s.Line && x.Level <= 2);
            var from = s.Line - doc.BodyLine + 1;
            var to = (next?.Line ?? doc.BodyLine + lines.Length) - doc.BodyLine;
            return from >= to ? "" : string.Join('\n', lines[from..Math.Min(to, lines.Length)]).Trim();
        }

        var title = doc.Sections.FirstOrDefault(s => s.Level == 1)?.Title ?? "";
        var context = Section("Context", out _);
        var workflowText = Section("Workflow", out var wfLine);
        var factorsText = Section("Success Factors", out _);
        var metricsText = Section("Metrics", out _);
        var optText = Section("Learned Optimizations", out _);
        var ledgerText = Section("Execution Ledger", out var ledgerLine);

        var steps = new List<PatternStep>();
        var wfLines = workflowText.Split('\n');
        for (var i = 0; i < wfLines.Length; i++)
        {
            var l = wfLines[i].Trim();
            if (l.Length == 0) continue;
            var m = WorkflowLine().Match(l);
            if (!m.Success && SeedWorkflowLine().Match(l) is { Success: true } seed)
            {
                // The seed's prose form: "1. Research OAuth2 libraries (Code Explorer)" names the agent by its title.
                steps.Add(new PatternStep(steps.Count + 1, PatternIds.Slug(seed.Groups["agent"].Value), StepKinds.Subagent, "execute", 0, 1,
                    seed.Groups["desc"].Value.Trim()));
                continue;
            }
            if (!m.Success && PhaseWorkflowLine().Match(l) is { Success: true } byPhase
                && PhaseAgents.TryGetValue(byPhase.Groups["phase"].Value.ToLowerInvariant(), out var byRole))
            {
                // The seed README's form: "1. Research: Evaluate OAuth2 libraries" names a phase, not an agent; the step goes to
                // the core agent of that phase, as a composed plan would give it.
                steps.Add(new PatternStep(steps.Count + 1, byRole.Agent, StepKinds.Subagent, byRole.Phase, 0, 1,
                    $"{byPhase.Groups["phase"].Value}: {byPhase.Groups["desc"].Value.Trim()}"));
                continue;
            }
            if (!m.Success)
            {
                if (char.IsDigit(l[0]))
                    diags.Add(new Diagnostic(DiagnosticCodes.PatternLineMalformed, DiagnosticSeverity.Warning, path, wfLine + 1 + i, 1,
                        "workflow line names no agent and is left out of plans; expected '1. `agent-or-command` ...' or '1. Step title (Agent Name)'"));
                continue;
            }
            var rest = m.Groups["rest"].Value.Trim();
            string kind = StepKinds.Subagent, phase = "", desc = rest;
            double mean = 0, succ = 1;
            var km = StepMeta().Match(rest);
            if (km.Success)
            {
                kind = km.Groups["kind"].Value;
                phase = km.Groups["phase"].Value;
                if (km.Groups["mean"].Success) mean = double.Parse(km.Groups["mean"].Value, Inv);
                if (km.Groups["succ"].Success) succ = double.Parse(km.Groups["succ"].Value, Inv) / 100.0;
                desc = km.Groups["desc"].Success ? km.Groups["desc"].Value.Trim() : "";
            }
            else
            {
                desc = rest.TrimStart('—', '-', ' ');
                var pm = TrailingPhase().Match(desc);
                if (pm.Success) phase = pm.Groups[1].Value;
            }
            var name = m.Groups["name"].Value;
            if (kind == StepKinds.Subagent && name.StartsWith('/')) kind = StepKinds.Command;
            steps.Add(new PatternStep(steps.Count + 1, name, kind, phase.Length == 0 ? "execute" : phase, mean, succ,
                desc.Length == 0 ? null : desc));
        }

        double mean0 = 0, p50 = 0, p90 = 0, rollback = 0;
        var hash = "";
        var dm = DurationLine().Match(metricsText);
        if (dm.Success)
        {
            mean0 = double.Parse(dm.Groups[1].Value, Inv);
            p50 = double.Parse(dm.Groups[2].Value, Inv);
            p90 = double.Parse(dm.Groups[3].Value, Inv);
        }
        else if (SeedDurationLine().Match(metricsText) is { Success: true } sd)
        {
            // The seed's "Avg duration: 45min" / "Duration: ~45min": one figure, so mean, p50 and p90 alike.
            mean0 = p50 = p90 = double.Parse(sd.Groups["n"].Value, Inv) * sd.Groups["unit"].Value.ToLowerInvariant() switch
            {
                "h" or "hr" or "hrs" or "hour" or "hours" => 3600,
                "m" or "min" or "mins" or "minute" or "minutes" => 60,
                _ => 1,
            };
        }
        var rm = RollbackLine().Match(metricsText);
        // "Rollback rate: 0.05", or the seed's "Rollback rate: 5%" / "Rollbacks: 5%" (a percentage: 0.05, not 5).
        if (rm.Success) rollback = double.Parse(rm.Groups[1].Value, Inv) / (rm.Groups[2].Success ? 100.0 : 1.0);
        var hm = HashLine().Match(metricsText);
        if (hm.Success) hash = hm.Groups[1].Value;

        var groups = new List<IReadOnlyList<int>>();
        int? checkpoint = null;
        var notes = new List<string>();
        foreach (var raw in optText.Split('\n'))
        {
            var l = raw.Trim();
            var pg = ParallelLine().Match(l);
            if (pg.Success) { groups.Add(pg.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x, Inv)).ToList()); continue; }
            var cp = CheckpointLine().Match(l);
            if (cp.Success) { checkpoint = int.Parse(cp.Groups[1].Value, Inv); continue; }
            if (l.StartsWith("- Note: ", StringComparison.Ordinal)) { notes.Add(l[8..]); continue; }
            // Hand-written advice in any other form (the seed's "- Parallel: Research + Plan (saves 10min)") is kept
            // as a note, so that writing the pattern back does not lose it.
            if (l.StartsWith("- ", StringComparison.Ordinal) && l.Length > 2 && l != "- None supported by the data yet.") notes.Add(l[2..].Trim());
        }

        var ledger = new List<LedgerEntry>();
        var ll = ledgerText.Split('\n');
        for (var i = 0; i < ll.Length; i++)
        {
            var l = ll[i].Trim();
            if (l.Length == 0) continue;
            var e = ParseLedger(l);
            if (e is null)
                diags.Add(new Diagnostic(DiagnosticCodes.PatternLineMalformed, DiagnosticSeverity.Warning, path, ledgerLine + 1 + i, 1, "execution ledger line not understood; skipped"));
            else ledger.Add(e);
        }

        var factors = factorsText.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("- ", StringComparison.Ordinal))
            .Select(l => l[2..]).Where(l => l != "Not enough contrasting executions yet.").ToList();

        // The seed's own validator does not ask for `created` and its README's example pattern has none: such a pattern
        // is dated by its first recorded execution, else its `updated`, else the day it is read (a write-back keeps that).
        if (created is null && doc.Field("created") is null)
        {
            created = ledger.Count > 0 ? ledger.Min(e => DateOnly.FromDateTime(e.Timestamp.UtcDateTime)) : updated ?? DateOnly.FromDateTime(DateTime.UtcNow);
            diags.Add(new Diagnostic(DiagnosticCodes.PatternCreatedMissing, DiagnosticSeverity.Warning, path, doc.FrontmatterLine, 1,
                $"no 'created' date: read as {created.Value:yyyy-MM-dd}; add it to keep that date"));
        }
        if (id is null || category is null || created is null || rate is null || executions is null)
            return new(null, diags);

        var pattern = new LearnedPattern
        {
            Id = id,
            Title = title,
            Created = created.Value,
            Updated = updated,
            Category = category,
            SuccessRate = rate.Value,
            Executions = executions.Value,
            Validated = validated ?? false,
            ExecutionIds = execIds,
            Tags = tags,
            Steps = steps,
            Durations = new DurationStats(mean0, p50, p90),
            RollbackRate = rollback,
            Optimizations = new PatternOptimizations(groups, checkpoint, notes),
            Context = context,
            SuccessFactors = factors,
            WorkflowHash = hash.Length > 0 ? hash : PatternIds.WorkflowHash(category, steps.Select(s => s.Name)),
            Ledger = ledger,
        };
        _ = fmLine;
        return new(pattern, diags);
    }

    internal static LedgerEntry? ParseLedger(string l)
    {
        var m = Ledger().Match(l);
        if (!m.Success) return null;
        if (!DateTimeOffset.TryParse(m.Groups["ts"].Value, Inv, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var ts)) return null;
        var steps = new List<LedgerStep>();
        var st = m.Groups["steps"].Value;
        if (st != "-")
        {
            foreach (var part in st.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var sm = LedgerStepRx().Match(part);
                if (!sm.Success) return null;
                steps.Add(new LedgerStep(double.Parse(sm.Groups[1].Value, Inv), double.Parse(sm.Groups[2].Value, Inv), sm.Groups[3].Value == "ok"));
            }
        }
        return new LedgerEntry(m.Groups["id"].Value, ts, m.Groups["res"].Value == "success",
            double.Parse(m.Groups["dur"].Value, Inv), m.Groups["rb"].Value == "yes", steps);
    }

    private static Diagnostic Err(string code, string path, int line, string message) =>
        new(code, DiagnosticSeverity.Error, path, line, 1, message);

    private static string? Str(MarkdownDocument doc, string key, string path, List<Diagnostic> diags, bool required)
    {
        var f = doc.Field(key);
        if (f is null)
        {
            if (required) diags.Add(Err(DiagnosticCodes.PatternFieldMissing, path, doc.FrontmatterLine, $"required field '{key}' is missing"));
            return null;
        }
        if (f.Scalar is not { Length: > 0 } s)
        {
            diags.Add(Err(DiagnosticCodes.PatternFieldType, path, f.Line, $"'{key}' must be a non-empty text value"));
            return null;
        }
        return s;
    }

    private static DateOnly? Date(MarkdownDocument doc, string key, string path, List<Diagnostic> diags, bool required)
    {
        var s = Str(doc, key, path, diags, required);
        if (s is null) return null;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var d)) return d;
        if (DateTimeOffset.TryParse(s, Inv, DateTimeStyles.AssumeUniversal, out var dt)) return DateOnly.FromDateTime(dt.UtcDateTime);
        diags.Add(Err(DiagnosticCodes.PatternFieldType, path, doc.Field(key)!.Line, $"'{key}' must be an ISO date (yyyy-mm-dd), got '{s}'"));
        return null;
    }

    private static double? Number(MarkdownDocument doc, string key, string path, List<Diagnostic> diags)
    {
        var s = Str(doc, key, path, diags, required: true);
        if (s is null) return null;
        var line = doc.Field(key)!.Line;
        if (!double.TryParse(s, NumberStyles.Float, Inv, out var v) || !double.IsFinite(v))
        {
            diags.Add(Err(DiagnosticCodes.PatternFieldType, path, line, $"'{key}' must be a number in [0, 1], got '{s}'"));
            return null;
        }
        if (v is < 0 or > 1)
        {
            diags.Add(Err(DiagnosticCodes.PatternFieldRange, path, line, $"'{key}' must be in [0, 1], got {s}"));
            return null;
        }
        return v;
    }

    private static int? Int(MarkdownDocument doc, string key, string path, List<Diagnostic> diags)
    {
        var s = Str(doc, key, path, diags, required: true);
        if (s is null) return null;
        if (!int.TryParse(s, NumberStyles.Integer, Inv, out var v) || v < 0)
        {
            diags.Add(Err(DiagnosticCodes.PatternFieldType, path, doc.Field(key)!.Line, $"'{key}' must be a whole number >= 0, got '{s}'"));
            return null;
        }
        return v;
    }

    private static bool? Bool(MarkdownDocument doc, string key, string path, List<Diagnostic> diags)
    {
        var f = doc.Field(key);
        if (f is null) return null;
        switch (f.Scalar)
        {
            case "true" or "True" or "TRUE": return true;
            case "false" or "False" or "FALSE": return false;
            default:
                diags.Add(Err(DiagnosticCodes.PatternFieldType, path, f.Line, $"'{key}' must be true or false, got '{f.Scalar ?? (f.Value is YamlSequenceNode ? "a list" : "a mapping")}'"));
                return null;
        }
    }

    [GeneratedRegex(@"^\d+[.)]\s+`(?<name>[^`]+)`(?<rest>.*)$")]
    private static partial Regex WorkflowLine();
    [GeneratedRegex(@"^\d+[.)]\s+(?<desc>[^`]+?)\s*\((?<agent>[A-Z][A-Za-z0-9]*(?:[ -][A-Za-z0-9]+)*)\)\s*$")]
    private static partial Regex SeedWorkflowLine();
    [GeneratedRegex(@"^\d+[.)]\s+(?<phase>[A-Za-z]+)\s*:\s*(?<desc>\S.*)$")]
    private static partial Regex PhaseWorkflowLine();

    /// <summary>The core agent and phase of a step a pattern names by its phase only (the seed README's
    /// "1. Research: …"): the default agent agentops-core gives that phase's capability.</summary>
    private static readonly Dictionary<string, (string Agent, string Phase)> PhaseAgents = new(StringComparer.Ordinal)
    {
        ["research"] = ("code-explorer", "research"), ["explore"] = ("code-explorer", "research"),
        ["plan"] = ("spec-architect", "plan"), ["design"] = ("spec-architect", "plan"), ["spec"] = ("spec-architect", "plan"),
        ["implement"] = ("change-executor", "implement"), ["build"] = ("change-executor", "implement"), ["code"] = ("change-executor", "implement"),
        ["test"] = ("test-generator", "test"), ["tests"] = ("test-generator", "test"),
        ["validate"] = ("continuous-validator", "validate"), ["verify"] = ("continuous-validator", "validate"), ["review"] = ("continuous-validator", "validate"),
        ["document"] = ("change-executor", "document"), ["docs"] = ("change-executor", "document"),
        ["deploy"] = ("change-executor", "deploy"), ["release"] = ("change-executor", "deploy"),
    };
    [GeneratedRegex(@"^\((?<kind>subagent|command|skill|tool),\s*phase:\s*(?<phase>[a-z-]+)\)(?:\s+—\s+mean\s+(?<mean>[0-9.]+)\s*s,\s*success\s+(?<succ>[0-9.]+)\s*%)?(?:\s+—\s+(?<desc>.*))?$")]
    private static partial Regex StepMeta();
    [GeneratedRegex(@"\(([a-z-]+)\)\s*$")]
    private static partial Regex TrailingPhase();
    [GeneratedRegex(@"Duration:\s*mean\s+([0-9.]+)\s*s,\s*p50\s+([0-9.]+)\s*s,\s*p90\s+([0-9.]+)\s*s")]
    private static partial Regex DurationLine();
    [GeneratedRegex(@"^-\s*(?:Avg\.? duration|Average duration|Duration):\s*~?\s*(?<n>[0-9]*\.?[0-9]+)\s*(?<unit>hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SeedDurationLine();
    [GeneratedRegex(@"Rollback(?: rate|s):\s*([0-9]*\.?[0-9]+)\s*(%)?")]
    private static partial Regex RollbackLine();
    [GeneratedRegex(@"Workflow hash:\s*([0-9a-f]{8})")]
    private static partial Regex HashLine();
    [GeneratedRegex(@"^- Parallel group: steps ([0-9, ]+)")]
    private static partial Regex ParallelLine();
    [GeneratedRegex(@"^- Checkpoint after step (\d+)")]
    private static partial Regex CheckpointLine();
    [GeneratedRegex(@"^- `(?<id>[^`]+)` (?<ts>\S+) (?<res>success|failure) (?<dur>[0-9.]+)s rollback=(?<rb>yes|no) steps=(?<steps>\S+)$")]
    private static partial Regex Ledger();
    [GeneratedRegex(@"^([0-9.]+)\+([0-9.]+):(ok|fail)$")]
    private static partial Regex LedgerStepRx();
}
