using System.Collections.Concurrent;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Embeddings;

namespace AgentOps.Orchestration.Planning.Memory;

/// <summary>
/// Informed priors for agents at a capability (issue 15): what to expect of an agent at a step before
/// any run of it there. Four signals, in order:
/// <list type="number">
/// <item>its trade and kind of work: an agent built for the capability (<see cref="TradeOf"/>) starts at
/// <see cref="SameKind"/>; one of the kind the step needs (<see cref="WorkflowVariants.KindOf"/>) built for
/// something else at <see cref="SameKindOtherTrade"/>; a read-only agent (researcher, planner, reviewer) on a step that
/// writes starts at <see cref="ReadOnlyOnWritingStep"/>; any other mismatch at <see cref="OtherKind"/>;</item>
/// <item>how well its description fits the step and the task (cosine of the agent's description with the
/// capability's description plus the task): up to <see cref="TextFitBonus"/> above or below;</item>
/// <item>its plugin's standing: the capability's profile plugin adds <see cref="PreferredPluginBonus"/>;</item>
/// <item>its record elsewhere: its pooled success at its other capabilities moves the prior toward it,
/// by up to half, as that record grows (<see cref="RecordWeight"/>).</item>
/// </list>
/// The result is clamped to [0.3, 0.97]: a prior is an opinion, never a certainty.
/// </summary>
public sealed class AgentPriors
{
    public const double SameKind = 0.90, ReadOnlyOnWritingStep = 0.45, OtherKind = 0.60;
    public const double TextFitBonus = 0.03, PreferredPluginBonus = 0.01, SameKindOtherTrade = 0.78;

    private static readonly ConcurrentDictionary<(string Model, string Text), IReadOnlyList<string>> Trades = new();

    /// <summary>What a capability is, as the embedders read it.</summary>
    public static string Meaning(CapabilityRule r) => $"{r.Title}. {r.Instructions} {string.Join(' ', r.Triggers)}";

    /// <summary>
    /// The capabilities an agent is built for (its trade): for a core agent, those it is the default agent
    /// of (every research capability for an explorer); for any other, those whose description its own
    /// description matches best (within 80 % of its best match, at least the embedder's
    /// <see cref="MemoryCalibration.TradeMinimum"/>), and the generic implement capability for an agent
    /// built for one of the application domains (API, database, frontend). Empty when nothing is known of it.
    /// Read with <paramref name="embedder"/> (the lexical fallback when null).
    /// </summary>
    public static IReadOnlyList<string> TradeOf(string agent, string? description, ITextEmbedder? embedder = null)
    {
        var core = Capabilities.All.Where(r => r.DefaultAgent == agent).Select(r => r.Name).ToList();
        if (core.Count > 0)
            return core.Any(c => Capabilities.Get(c).Phase == "research") ? Capabilities.All.Where(r => r.Phase == "research").Select(r => r.Name).ToList() : core;
        if (string.IsNullOrWhiteSpace(description)) return [];
        var memory = MemoryEmbedder.For(embedder);
        if (Trades.Count > 5_000) Trades.Clear();
        return Trades.GetOrAdd((memory.ModelId, agent + "\n" + description), static (key, e) =>
        {
            var v = e.Vector(key.Text);
            var sims = Capabilities.All.Select(r => (r.Name, Sim: MemoryEmbedder.Cosine(v, e.Vector(Meaning(r))))).ToList();
            var best = sims.Max(x => x.Sim);
            if (best < e.Calibration.TradeMinimum) return [];
            var trade = sims.Where(x => x.Sim >= 0.8 * best).Select(x => x.Name).ToList();
            if (trade.Any(c => c is Capabilities.Api or Capabilities.Database or Capabilities.Frontend) && !trade.Contains(Capabilities.Implement))
                trade.Add(Capabilities.Implement);
            return trade;
        }, memory);
    }
    /// <summary>Runs elsewhere at which the agent's record moves the prior a quarter of the way toward it.</summary>
    public const double RecordWeight = 8;

    private readonly CatalogStore? _catalog;
    private readonly MemoryEmbedder _embedder;
    private readonly string _task;
    private readonly Func<string, string, (double Successes, double Failures)>? _elsewhere;
    private readonly Dictionary<(string, string), double> _cache = [];

    /// <param name="elsewhere">The agent's pooled record at capabilities other than the given one (successes, failures).</param>
    public AgentPriors(CatalogStore? catalog, string task, ITextEmbedder? embedder = null, Func<string, string, (double Successes, double Failures)>? elsewhere = null)
    {
        _catalog = catalog;
        _task = task;
        _embedder = MemoryEmbedder.For(embedder);
        _elsewhere = elsewhere;
    }

    /// <summary>The neutral prior used where nothing is known of the agent or the capability.</summary>
    public static double Neutral => StepEvidence.PriorMean;

    public double Mean(string agent, string? capability)
    {
        if (capability is null) return Neutral;
        if (_cache.TryGetValue((agent, capability), out var cached)) return cached;
        var rule = Capabilities.All.FirstOrDefault(r => r.Name == capability);
        if (rule is null) return Neutral;
        var needed = WorkflowVariants.KindFor(rule);
        var kind = WorkflowVariants.KindOf(agent);
        var description = _catalog?.FindComponent(agent)?.Component.Description;
        var trade = TradeOf(agent, description, _embedder);
        var prior = trade.Contains(capability) ? SameKind
            : kind == needed || (needed == "document" && kind == "build") ? (trade.Count == 0 ? SameKind : SameKindOtherTrade)
            : rule.Writes && kind is "research" or "plan" or "review" ? ReadOnlyOnWritingStep
            : OtherKind;
        if (description is { Length: > 0 })
        {
            var fit = _embedder.Similarity(agent + " " + description, Meaning(rule) + " " + _task);
            var c = _embedder.Calibration;
            prior += Math.Clamp((fit - c.FitCentre) * c.FitScale, -TextFitBonus, TextFitBonus);
        }
        if (Catalog.Ranking.LearnedSignals.PluginOf(agent) is { } plugin && rule.PreferredPlugins.Contains(plugin)) prior += PreferredPluginBonus;
        if (_elsewhere is not null)
        {
            var (s, f) = _elsewhere(agent, capability);
            var n = s + f;
            if (n > 0)
            {
                var rate = (s + 1) / (n + 2);
                prior += 0.5 * n / (n + RecordWeight) * (rate - prior);
            }
        }
        return _cache[(agent, capability)] = Math.Clamp(prior, 0.3, 0.97);
    }
}
