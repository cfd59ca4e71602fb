using System.Text;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Patterns;
using AgentOps.Orchestration.Planning.Memory;

namespace AgentOps.Orchestration.Planning;

public sealed record PlanOptions
{
    public ExecutionMode Mode { get; init; } = ExecutionMode.Balanced;
    public PlanPurpose Purpose { get; init; } = PlanPurpose.Execute;
    /// <summary>Seed of the exploration; null: a stable hash of the task and of its candidates' success counts,
    /// so the same task with the same store gives the same plan, and each new execution learned draws anew.</summary>
    public int? Seed { get; init; }
    /// <summary>Another selector (issue 8's Thompson sampling, experiments); null: greedy when conservative,
    /// exploration by expected gain otherwise (<see cref="ExpectedGainSelector"/>).</summary>
    public IWorkflowSelector? Selector { get; init; }
    /// <summary>What the memory compares tasks, steps and agents with (issue 15). Null: the lexical embedder
    /// (<see cref="Memory.LexicalEmbedder"/>); pass <see cref="MemoryEmbedder.Default"/>'s model to read with the
    /// sentence model and the words (see <see cref="Planner.EmbedderFor"/> for why it is not the default).</summary>
    public AgentOps.Orchestration.Embeddings.ITextEmbedder? Embedder { get; init; }
}

/// <summary>
/// Turns a task into an <see cref="ExecutionPlan"/>: analyse the intent, collect the learned
/// patterns that fit plus the workflow composed from the catalog and (except under --conservative) one
/// untried variant of the best learned workflow (<see cref="WorkflowVariants"/>), let the selector
/// choose (greedy under --conservative, Thompson sampling otherwise, saying when it explores), build the DAG,
/// schedule its groups, place checkpoints and estimate. Deterministic for a given task, catalog,
/// store and seed.
/// </summary>
public static class Planner
{
    public static ExecutionPlan Plan(string task, CatalogStore? catalog, LearnedSignals learned, PlanOptions? options = null)
    {
        options ??= new PlanOptions();
        if (ParsedQuery.Words(task ?? "").FirstOrDefault() is null)
            throw new ArgumentException("the task has no words to plan from", nameof(task));
        // A task in another language is planned from the task and its English reading (the glossary of the catalog's
        // words, as analyze-plugins reads queries): the intent rules, the memory and the priors read English.
        var reading = QueryTranslation.Of(task!);
        var planText = reading is null ? task! : $"{task} {reading.English}";
        var intent = IntentAnalyzer.Analyze(planText, catalog is null ? null : CatalogDomainReader.For(catalog).Read);
        var resolver = new AgentResolver(catalog);
        var diagnostics = new List<Diagnostic>(learned.Diagnostics);
        var notes = new List<string>();
        if (reading is not null) notes.Add($"the task was read in English through the glossary as \"{reading.English}\"");

        var composed = PlanComposer.Compose(intent, resolver);
        // Issue 15: the memory recalls every learned pattern by how near its tasks are in meaning; step evidence
        // is pooled across all of them (global) and weighted by that nearness (local), over informed priors.
        var embedder = EmbedderFor(options, learned);
        if (embedder.FallbackReason is { } fallback)
            notes.Add($"the memory compared tasks by their words only (lexical fallback): {fallback}");
        var memory = TaskMemory.Recall(intent, learned.Patterns, embedder);
        var book = StepEvidenceBook.Pooled(memory, b => new AgentPriors(catalog, planText, embedder, b.Elsewhere));
        var slots = WorkflowVariants.Slots(planText, composed, catalog, book);
        var matched = PatternMatcher.Fits(intent, memory);
        IReadOnlyList<PatternFit> fits = [.. matched, .. WorkflowVariants.AlignedFits(intent, slots, memory, matched)];
        var composedSignature = string.Join(" > ", composed.Select(s => s.Invocation));
        var candidates = fits.Select(f => new WorkflowOption(f.Pattern.Id, WorkflowOption.PatternKind, f.Weight * f.Successes, f.Weight * f.Failures, f.Fit, book.ForPattern(f.Pattern), book.MissingFor(intent, f.Pattern))).ToList();
        // When the composed workflow has been learned already, its pattern stands for it (with its record).
        static string Signature(AgentOps.Core.Patterns.LearnedPattern p) =>
            string.Join(" > ", p.Steps.Where(s => !PatternPlanBuilder.IsOrchestrator(s.Name)).Select(s => s.Name));
        if (fits.All(f => Signature(f.Pattern) != composedSignature))
            candidates.Add(new WorkflowOption(WorkflowOption.ComposedKind, WorkflowOption.ComposedKind, 0, 0, 0, book.ForSteps(composed), book.MissingFor(intent, composed)));
        // Exploration among catalog agents: one untried neighbour of the best known workflow (never under --conservative).
        var variant = options.Mode == ExecutionMode.Conservative ? null
            : WorkflowVariants.Next(intent, composed, slots, fits, book, resolver);
        if (variant is not null && candidates.All(c => c.Id != variant.Id))
            candidates.Add(new WorkflowOption(variant.Id, WorkflowOption.VariantKind, 0, 0, fits.FirstOrDefault(f => f.Pattern.Id == variant.BaseId)?.Fit ?? 0, book.ForSteps(variant.Steps), book.MissingFor(intent, variant.Steps)) { Gain = variant.Gain });
        else variant = null;

        var seed = options.Seed ?? StableSeed(task! + "\n" + string.Join("\n", candidates.Select(c => $"{c.Id} {c.Successes:0.###} {c.Failures:0.###}")));
        var selector = options.Selector ?? (options.Mode == ExecutionMode.Conservative ? new GreedySelector()
            : options.Seed is not null ? new ThompsonSelector(seed) : new ExpectedGainSelector());
        var selection = selector.Select(candidates);
        var chosenFit = fits.FirstOrDefault(f => f.Pattern.Id == selection.Chosen.Id && selection.Chosen.Kind == WorkflowOption.PatternKind);

        IReadOnlyList<PlanStep> steps;
        PlanSource source;
        int? learnedCheckpoint = chosenFit?.Pattern.Optimizations.CheckpointAfterStep;
        if (variant is not null && selection.Chosen.Kind == WorkflowOption.VariantKind)
        {
            steps = variant.Steps;
            var baseFit = fits.FirstOrDefault(f => f.Pattern.Id == variant.BaseId);
            source = new PlanSource("catalog", null, null, null, null, null, null, null, null,
                [$"variant of {(baseFit is null ? "the composed workflow" : "learned pattern " + variant.BaseId)}: {variant.Why}"]);
            var baseCheckpoint = baseFit?.Pattern.Optimizations.CheckpointAfterStep;
            learnedCheckpoint = baseCheckpoint is { } cp && variant.Steps[cp - 1].Origin == "pattern" ? cp : null;
        }
        else if (chosenFit is not null)
        {
            var p = chosenFit.Pattern;
            steps = PatternPlanBuilder.Build(p, resolver);
            var storeRoot = learned.StoreRoots.GetValueOrDefault(p.Id);
            var store = storeRoot is null ? null : storeRoot == learned.PrimaryStore ? "project" : "plugin";
            // A pattern read from the learnings branch is named "agentops/learnings:patterns/learned/<id>.md" already.
            var relative = storeRoot is null || !System.IO.Path.IsPathRooted(chosenFit.Stored.Path) ? chosenFit.Stored.Path
                : System.IO.Path.GetRelativePath(storeRoot, chosenFit.Stored.Path).Replace('\\', '/');
            source = new PlanSource("pattern", p.Id, p.Title, p.SuccessRate, p.Executions, PatternStore.FolderName(chosenFit.Stored.Lifecycle),
                store, relative, chosenFit.Fit, chosenFit.Reasons);
            var missing = intent.Capabilities.Where(c => !Covers(steps, Capabilities.Get(c.Name))).Select(c => c.Name).ToList();
            if (missing.Count > 0) notes.Add($"the pattern has no step for: {string.Join(", ", missing)}; add those steps by hand if the task needs them");
        }
        else
        {
            steps = composed;
            var why = fits.Count == 0 ? "no learned pattern fits this task" : $"chosen over {fits.Count} fitting pattern(s) by the selector";
            source = new PlanSource("catalog", null, null, null, null, null, null, null, null, [why]);
        }

        steps = PlanEstimator.WithDurations(steps, learned);
        var (scheduled, groups) = PlanScheduler.Schedule(steps, options.Mode);
        var checkpoints = PlanCheckpoints.Place(scheduled, intent, options.Mode, learnedCheckpoint, WeakestStep(scheduled, book));
        var estimate = PlanEstimator.Estimate(scheduled, groups, source, chosenFit);

        foreach (var plugin in scheduled.Where(s => !s.InCatalog).Select(s => LearnedSignals.PluginOf(s.Invocation)).OfType<string>().Distinct(StringComparer.Ordinal))
            diagnostics.Add(new Diagnostic(DiagnosticCodes.PlanAgentNotInCatalog, DiagnosticSeverity.Info, "<plan>", 0, 0,
                $"steps use {plugin}, which is not in the catalog: install it (claude plugin install {plugin}@<marketplace>) or run `agentops catalog`"));

        var bestKnown = selection.BestKnown.Kind == WorkflowOption.ComposedKind ? "composed" : selection.BestKnown.Id;
        var chosenName = selection.Chosen.Kind == WorkflowOption.ComposedKind ? "composed" : selection.Chosen.Id;
        // A variant was never executed: following it is exploring even when its expected success is the highest.
        var variantChosen = variant is not null && selection.Chosen.Kind == WorkflowOption.VariantKind;
        var reason = options.Mode == ExecutionMode.Conservative ? "conservative: never explores; " + selection.Reason
            : variantChosen && !selection.Explored ? $"exploring an untried variant with the highest expected success ({selection.Chosen.PosteriorMean:0.00}): {variant!.Why}"
            : variantChosen ? selection.Reason + "; " + variant!.Why
            : selection.Reason;
        var exploration = new ExplorationInfo(selection.Strategy, selection.Seed, selection.Explored || variantChosen, chosenName, bestKnown, reason,
            candidates.Select(c => new WorkflowCandidate(c.Kind == WorkflowOption.ComposedKind ? "composed" : c.Id, c.Kind, (int)Math.Round(c.Successes), (int)Math.Round(c.Failures), c.Fit,
                Math.Round(c.PosteriorMean, 4), selection.Samples.TryGetValue(c.Id, out var s) ? Math.Round(s, 4) : null)).ToList());

        return new ExecutionPlan(task!, intent, source, exploration, options.Mode, options.Purpose, scheduled, groups, checkpoints, estimate, notes, diagnostics);
    }

    /// <summary>The embedder of <see cref="PlanOptions.Embedder"/>: the caller's, else the sentence model when
    /// there is a learned workflow pattern to recall, else the lexical fallback.</summary>
    /// <summary>The memory reads tasks by their words unless the caller passes a sentence embedder: with the model the
    /// learning curve is the same within its replicate spread (docs/meta-orchestrator/MEMORY.md) while a cold
    /// `agentops plan` takes 2.7 s instead of 0.9 s (the ONNX session load), so the default does not pay for it.</summary>
    public static MemoryEmbedder EmbedderFor(PlanOptions options, LearnedSignals learned) =>
        options.Embedder is not null ? MemoryEmbedder.For(options.Embedder) : MemoryEmbedder.Lexical;

    /// <summary>Whether a pattern's steps already do what a capability asks: its own agent (when that agent is
    /// specific to it), a step of its phase, or any implementation step for the implement capabilities.</summary>
    private static bool Covers(IReadOnlyList<PlanStep> steps, CapabilityRule rule) =>
        steps.Any(s => s.Capability == rule.Name || s.Phase == rule.Phase
            || (rule.CatalogQuery is null && s.Invocation == rule.DefaultAgent)
            || (rule.Phase == "implement" && s.Phase is "implement" or "execute" && s.Writes));

    /// <summary>The step the memory knows something about (runs on similar tasks) whose pooled evidence is
    /// lowest (ties: the earlier step): the one most likely to fail.</summary>
    private static (string StepId, string Reason)? WeakestStep(IReadOnlyList<PlanStep> steps, StepEvidenceBook book)
    {
        var weakest = steps.Select(s => (Step: s, Evidence: book.For(StepEvidenceBook.Key(s.Invocation, s.Title))))
            .Where(x => x.Evidence.Runs > 0 && x.Evidence.Mean < WeakestBar)
            .OrderBy(x => x.Evidence.Mean).FirstOrDefault();
        if (weakest.Step is null) return null;
        var e = weakest.Evidence;
        return (weakest.Step.Id, $"learned: {weakest.Step.Invocation} did this {e.Record} on similar tasks (expected {e.Mean:0.00}), the step most likely to fail; check it and retry it once");
    }

    /// <summary>A step expected to succeed this often is not worth a checkpoint of its own.</summary>
    public const double WeakestBar = 0.99;

    /// <summary>FNV-1a of the task text: the same task always explores (or not) the same way.</summary>
    public static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text.Trim()))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return (int)(hash & 0x7FFFFFFF);
    }
}
