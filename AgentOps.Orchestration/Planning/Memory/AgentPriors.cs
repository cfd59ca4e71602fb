using System.Collections.Concurrent;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Embeddings;

namespace AgentOps.Orchestration.Planning.Memory;

/// <summary>
/// Informed priors for agents at a capability (issue 15): what to expect of an agent at a step before
/// any run of it there. Four signals, in order:
/// <list type="number">
/// <item>the kind of work: an agent of the kind the step needs (<see cref="WorkflowVariants.KindOf"/>)
/// starts at <see cref="SameKind"/>; a read-only agent (researcher, planner, reviewer) on a step that
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
    public const double TextFitBonus = 0.04, PreferredPluginBonus = 0.01;
    /// <summary>Runs elsewhere at which the agent's record moves the prior a quarter of the way toward it.</summary>
    public const double RecordWeight = 8;

    private static readonly ConcurrentDictionary<(string Model, string Text), float[]> Vectors = new();

    private readonly CatalogStore? _catalog;
    private readonly ITextEmbedder _embedder;
    private readonly string _task;
    private readonly Func<string, string, (double Successes, double Failures)>? _elsewhere;
    private readonly Dictionary<(string, string), double> _cache = [];

    /// <param name="elsewhere">The agent's pooled record at capabilities other than the given one (successes, failures).</param>
    public AgentPriors(CatalogStore? catalog, string task, ITextEmbedder? embedder = null, Func<string, string, (double Successes, double Failures)>? elsewhere = null)
    {
        _catalog = catalog;
        _task = task;
        _embedder = embedder ?? LexicalEmbedder.Instance;
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
        var prior = kind == needed || (needed == "document" && kind == "build") ? SameKind
            : rule.Writes && kind is "research" or "plan" or "review" ? ReadOnlyOnWritingStep
            : OtherKind;
        var description = _catalog?.FindComponent(agent)?.Component.Description;
        if (description is { Length: > 0 })
        {
            var fit = LexicalEmbedder.Cosine(Vector(agent + " " + description), Vector($"{rule.Title}. {rule.Instructions} {string.Join(' ', rule.Triggers)} {_task}"));
            prior += Math.Clamp((fit - 0.2) * 0.2, -TextFitBonus, TextFitBonus);
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

    private float[] Vector(string text)
    {
        if (Vectors.Count > 5_000) Vectors.Clear();
        return Vectors.GetOrAdd((_embedder.ModelId, text), static (k, e) => e.Embed([k.Text])[0], _embedder);
    }
}
