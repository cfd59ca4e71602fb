using AgentOps.Core.Diagnostics;
using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Learning;

namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>What the learned patterns say about one plugin (or one agent/command): how often workflows
/// that used it ran, how many of those succeeded, when it was last used, and in which patterns.</summary>
public sealed record UsageStats(int Executions, double Successes, DateOnly? LastUsed, IReadOnlyList<string> Patterns)
{
    /// <summary>Success rate smoothed toward 1/2 (Laplace): a plugin seen once is not "100 % reliable".</summary>
    public double Reliability => (Successes + 1) / (Executions + 2);
    public double RawSuccessRate => Executions == 0 ? 0 : Successes / Executions;
}

/// <summary>
/// Signals learned from the pattern store(s) for ranking and planning: per plugin and per step
/// (agent or command) usage and reliability, and which plugins are used together. A pattern's
/// executions count once for each plugin it uses. Meta patterns (patterns about patterns) are not
/// workflows and are ignored; unreadable patterns are reported (AOP1052) and skipped.
/// </summary>
public sealed class LearnedSignals
{
    public static readonly LearnedSignals None = new([], [], [], [], []);

    /// <summary>The store root each pattern was read from (by pattern id); the first store is the user's own.</summary>
    public IReadOnlyDictionary<string, string> StoreRoots { get; private init; } = new Dictionary<string, string>();
    public string? PrimaryStore { get; private init; }

    private LearnedSignals(Dictionary<string, UsageStats> plugins, Dictionary<string, UsageStats> steps,
        Dictionary<(string, string), int> together, IReadOnlyList<StoredPattern> patterns, IReadOnlyList<Diagnostic> diagnostics)
    {
        Plugins = plugins;
        Steps = steps;
        Together = together;
        Patterns = patterns;
        Diagnostics = diagnostics;
        MaxPluginExecutions = plugins.Count == 0 ? 0 : plugins.Values.Max(p => p.Executions);
    }

    private LearnedSignals(LearnedSignals other)
        : this((Dictionary<string, UsageStats>)other.Plugins, (Dictionary<string, UsageStats>)other.Steps,
            (Dictionary<(string, string), int>)other.Together, other.Patterns, other.Diagnostics) { }

    public IReadOnlyDictionary<string, UsageStats> Plugins { get; }
    public IReadOnlyDictionary<string, UsageStats> Steps { get; }
    /// <summary>Executions in which both plugins of the (ordered by name) pair were used.</summary>
    public IReadOnlyDictionary<(string, string), int> Together { get; }
    /// <summary>The workflow patterns read (meta excluded), first store first.</summary>
    public IReadOnlyList<StoredPattern> Patterns { get; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
    public int MaxPluginExecutions { get; }

    /// <summary>The plugin a workflow step belongs to: <c>plugin:agent</c> and <c>/plugin:command</c> give
    /// <c>plugin</c>; built-ins (general-purpose, Bash) give null.</summary>
    public static string? PluginOf(string stepName)
    {
        var name = stepName.TrimStart('/');
        var colon = name.IndexOf(':');
        return colon > 0 ? name[..colon] : null;
    }

    /// <summary>AOP1052 for a pattern file that could not be read, at the line of its first error.</summary>
    public static Diagnostic Ignored(StoredPattern sp)
    {
        var first = sp.Diagnostics.FirstOrDefault(d => d.IsError);
        return new Diagnostic(DiagnosticCodes.LearnedPatternSkipped, DiagnosticSeverity.Warning, sp.Path, first?.Line ?? 0, first?.Column ?? 0,
            "learned pattern ignored: " + (first?.Message ?? "unreadable"));
    }

    /// <summary>Reads every pattern of the given stores; an id already read from an earlier store is skipped.
    /// The first store is the user's: its learnings branch is read with it (<see cref="PatternMemory"/>).</summary>
    public static LearnedSignals Load(IEnumerable<string> storeRoots)
    {
        var patterns = new List<StoredPattern>();
        var diagnostics = new List<Diagnostic>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var roots = new Dictionary<string, string>(StringComparer.Ordinal);
        var all = storeRoots.ToList();
        foreach (var root in all.Where(Directory.Exists))
        {
            var read = root == all[0] ? PatternMemory.List(root).Select(p => p.Stored) : new PatternStore(root).List();
            foreach (var sp in read)
            {
                if (sp.Lifecycle == PatternLifecycle.Meta) continue;
                if (sp.Pattern is null)
                {
                    diagnostics.Add(Ignored(sp));
                    continue;
                }
                if (ids.Add(sp.Pattern.Id)) { patterns.Add(sp); roots[sp.Pattern.Id] = root; }
            }
        }
        var signals = FromPatterns(patterns, diagnostics);
        return new LearnedSignals(signals) { StoreRoots = roots, PrimaryStore = all.FirstOrDefault() };
    }

    /// <summary>
    /// What the user's own store taught (the first store given to <see cref="Load"/>), without the patterns a plugin
    /// ships. Search ranks by it: the shipped patterns are example workflows of this marketplace's own plugins, which no
    /// user ran; counted as usage they lifted those plugins for every need (bench semantic: held-back nDCG@5 0.793 →
    /// 0.764). Planning still starts from them.
    /// </summary>
    public LearnedSignals OwnOnly()
    {
        if (PrimaryStore is null || StoreRoots.Values.All(r => r == PrimaryStore)) return this;
        var own = Patterns.Where(p => StoreRoots.GetValueOrDefault(p.Pattern!.Id) == PrimaryStore).ToList();
        return new LearnedSignals(FromPatterns(own, Diagnostics))
        {
            StoreRoots = StoreRoots.Where(kv => kv.Value == PrimaryStore).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            PrimaryStore = PrimaryStore,
        };
    }

    public static LearnedSignals FromPatterns(IReadOnlyList<StoredPattern> patterns, IReadOnlyList<Diagnostic>? diagnostics = null)
    {
        var plugins = new Dictionary<string, (int N, double S, DateOnly? Last, List<string> Ids)>(StringComparer.Ordinal);
        var steps = new Dictionary<string, (int N, double S, DateOnly? Last, List<string> Ids)>(StringComparer.Ordinal);
        var together = new Dictionary<(string, string), int>();
        foreach (var sp in patterns)
        {
            var p = sp.Pattern!;
            var last = LastUsed(p);
            var used = p.Steps.Select(s => PluginOf(s.Name)).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            foreach (var name in used) Accumulate(plugins, name, p.Executions, p.SuccessRate * p.Executions, last, p.Id);
            foreach (var step in p.Steps.DistinctBy(s => s.Name))
                Accumulate(steps, step.Name, p.Executions, step.SuccessRate * p.Executions, last, p.Id);
            for (var i = 0; i < used.Count; i++)
                for (var j = i + 1; j < used.Count; j++)
                    together[(used[i], used[j])] = together.GetValueOrDefault((used[i], used[j])) + p.Executions;
        }
        static Dictionary<string, UsageStats> Freeze(Dictionary<string, (int N, double S, DateOnly? Last, List<string> Ids)> d) =>
            d.ToDictionary(kv => kv.Key, kv => new UsageStats(kv.Value.N, kv.Value.S, kv.Value.Last, kv.Value.Ids), StringComparer.Ordinal);
        return new LearnedSignals(Freeze(plugins), Freeze(steps), together, patterns, diagnostics ?? []);
    }

    /// <summary>Plugins used together with <paramref name="plugin"/>, most executions first.</summary>
    public IEnumerable<(string Plugin, int Executions)> UsedWith(string plugin) =>
        Together.Where(kv => kv.Key.Item1 == plugin || kv.Key.Item2 == plugin)
            .Select(kv => (kv.Key.Item1 == plugin ? kv.Key.Item2 : kv.Key.Item1, kv.Value))
            .OrderByDescending(x => x.Value).ThenBy(x => x.Item1, StringComparer.Ordinal);

    private static DateOnly? LastUsed(LearnedPattern p)
    {
        DateOnly? last = p.Updated ?? (p.Created == default ? null : p.Created);
        if (p.Ledger.Count > 0)
        {
            var l = DateOnly.FromDateTime(p.Ledger.Max(e => e.Timestamp).UtcDateTime);
            if (last is null || l > last) last = l;
        }
        return last;
    }

    private static void Accumulate(Dictionary<string, (int N, double S, DateOnly? Last, List<string> Ids)> d, string key, int n, double s, DateOnly? last, string id)
    {
        var cur = d.GetValueOrDefault(key, (0, 0, null, new List<string>()));
        cur.Ids.Add(id);
        d[key] = (cur.N + n, cur.S + s, Max(cur.Last, last), cur.Ids);
    }

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}
