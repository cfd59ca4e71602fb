using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Learning;

namespace AgentOps.Orchestration.Planning;

/// <summary>
/// Reads a task deterministically: its category (the learning engine's <see cref="TaskClassifier"/>,
/// so plans and learned patterns speak the same categories), the capabilities it needs (trigger words
/// of <see cref="Capabilities"/>, each with the word that triggered it; the steps every change gets, tests
/// for a change to application code; a domain its words do not name, read from the catalog's specialists),
/// its risk signals and a complexity score whose every point has a reason. Same text and catalog, same intent.
/// </summary>
public static class IntentAnalyzer
{
    private const string DefaultDocsReason = "a change keeps the written constraints and the docs of what it uses",
        DefaultTestsReason = "a change to application code is proven by tests";

    /// <summary>Verbs that ask for a change to the code or the system (stemmed); a task without one that asks
    /// for writing is a writing task.</summary>
    private static readonly HashSet<string> ChangeVerbs = new[]
    {
        "add", "implement", "fix", "build", "create", "change", "refactor", "migrate", "upgrade", "update", "move", "replace", "remove",
        "rename", "extract", "optimize", "speed", "reduce", "deploy", "introduce", "support", "enable", "raise", "increase", "rotate",
        "harden", "train", "retrain", "tune", "bump", "backfill", "translate", "localize", "instrument", "expose", "version", "ship", "release",
        "set", "install", "configure", "patch", "rewrite", "split", "merge", "delete", "clean", "simplify", "decouple", "cache",
    }.Select(LightStemmer.Stem).ToHashSet(StringComparer.Ordinal);

    private static readonly string[] BreadthWords = ["entire", "all", "across", "multiple", "system", "architecture", "rewrite", "platform", "end-to-end", "every"];

    /// <param name="readDomain">Reads the domain of a change whose words name none (the catalog's specialists,
    /// <see cref="CatalogDomainReader"/>); null: the words alone.</param>
    public static TaskIntent Analyze(string task, Func<string, DomainReading?>? readDomain = null)
    {
        var words = ParsedQuery.Words(task).Distinct(StringComparer.Ordinal).ToList();
        var stems = words.Select(LightStemmer.Stem).ToHashSet(StringComparer.Ordinal);
        var category = TaskClassifier.Classify(task, out var signals);

        string? Trigger(CapabilityRule rule) => rule.Triggers.FirstOrDefault(t => stems.Contains(LightStemmer.Stem(t)) || ((t.Contains('-') || t.Contains(' ')) && task.Contains(t, StringComparison.OrdinalIgnoreCase)));
        var caps = new List<RequiredCapability>();
        void Add(string name, string reason, string? agent = null) { if (caps.All(c => c.Name != name)) caps.Add(new RequiredCapability(name, Capabilities.Get(name).Phase, reason) { Agent = agent }); }
        string Said(CapabilityRule r) => $"the task says \"{Trigger(r)}\"";

        // Composition by capability (issue 15), not by the category's keyword: a task that asks for writing
        // and no change (no change verb, no domain) is investigation plus writing, whatever its category.
        var domainsAsked = Capabilities.Domains.Select(Capabilities.Get).Any(r => Trigger(r) is not null);
        var writes = Trigger(Capabilities.Get(Capabilities.Docs)) is not null;
        var changes = words.Any(w => ChangeVerbs.Contains(LightStemmer.Stem(w)));
        var docsOnly = category == "documentation" || (writes && !changes && !domainsAsked);
        Add(Capabilities.ResearchCode, "every change starts from the code it touches");
        // A change reads the written constraints it must keep (README, ADRs, CONTRIBUTING, the docs and standards
        // of what it uses) beside the code map: a read-only step run in parallel with it, cheap when there is
        // little to read, where a change made against a standard or a new version it never read fails.
        if (Trigger(Capabilities.Get(Capabilities.ResearchDocs)) is not null) Add(Capabilities.ResearchDocs, Said(Capabilities.Get(Capabilities.ResearchDocs)));
        else if (!docsOnly) Add(Capabilities.ResearchDocs, DefaultDocsReason);
        if (Trigger(Capabilities.Get(Capabilities.ResearchHistory)) is not null) Add(Capabilities.ResearchHistory, Said(Capabilities.Get(Capabilities.ResearchHistory)));
        else if (category == "bug-fix") Add(Capabilities.ResearchHistory, "bug fixes start from when the behaviour changed");

        var riskRule = Capabilities.Get(Capabilities.Risk);
        var riskSignals = riskRule.Triggers.Where(t => stems.Contains(LightStemmer.Stem(t))).ToList();

        var domains = Capabilities.Domains.Select(Capabilities.Get).Where(r => Trigger(r) is not null).ToList();
        var read = domains.Count == 0 && !docsOnly ? readDomain?.Invoke(task) : null;
        if (read is not null) domains.Add(Capabilities.Get(read.Domain));
        if (!docsOnly)
        {
            Add(Capabilities.Design, "a spec keeps the implementation on track");
            if (riskSignals.Count > 0) Add(Capabilities.Risk, $"risky area: {string.Join(", ", riskSignals)}");
        }

        var complexityReasons = new List<string>();
        var score = 0;
        if (riskSignals.Count > 0) { score += 2; complexityReasons.Add($"+2 risky area ({string.Join(", ", riskSignals)})"); }
        if (domains.Count > 1) { score += domains.Count - 1; complexityReasons.Add($"+{domains.Count - 1} spans {domains.Count} areas ({string.Join(", ", domains.Select(d => d.Name))})"); }
        if (words.Count > 25) { score += 1; complexityReasons.Add($"+1 long task ({words.Count} words)"); }
        if (words.Count > 60) { score += 1; complexityReasons.Add("+1 very long task"); }
        var breadth = BreadthWords.Where(b => words.Contains(b)).ToList();
        if (breadth.Count > 0) { score += 1; complexityReasons.Add($"+1 broad scope ({string.Join(", ", breadth)})"); }

        if (!docsOnly && (score >= 2 || riskSignals.Count > 0)) Add(Capabilities.ValidationPlan, "risky or broad changes get a validation plan before coding");
        if (!docsOnly)
        {
            foreach (var d in domains) Add(d.Name, read is not null ? read.Reason : Said(d), read?.Agent);
            if (domains.Count == 0) Add(Capabilities.Implement, "the task changes code");
        }
        // Tests come from what the plan changes, not from the category: a change to application code (a code
        // domain, or the generic implementation) is proven by tests; configuration of the platform alone
        // (infrastructure) is proven by the validation step, and a writing task has no code to test.
        var testsRule = Capabilities.Get(Capabilities.Tests);
        var changesCode = !docsOnly && (domains.Count == 0 || domains.Any(d => d.Name != Capabilities.Infrastructure));
        if (Trigger(testsRule) is not null) Add(Capabilities.Tests, Said(testsRule));
        else if (changesCode) Add(Capabilities.Tests, DefaultTestsReason);
        var docsRule = Capabilities.Get(Capabilities.Docs);
        if (Trigger(docsRule) is not null || docsOnly) Add(Capabilities.Docs, docsOnly ? "a documentation task" : Said(docsRule));
        Add(Capabilities.Validate, "every plan ends by proving the result");
        var deployRule = Capabilities.Get(Capabilities.Deploy);
        if (Trigger(deployRule) is not null) Add(Capabilities.Deploy, Said(deployRule));

        // Steps every change gets (the code map, a spec, the change, the proof; the docs read and the tests by
        // default) do not make a task complex; the ones its words or its risks ask for do.
        var defaults = caps.Count(c => c.Reason is DefaultDocsReason or DefaultTestsReason);
        var extra = caps.Count - 4 - defaults;
        if (extra > 0) { score += extra; complexityReasons.Insert(0, $"+{extra} needs {caps.Count} capabilities"); }
        var level = score <= 1 ? "low" : score <= 5 ? "medium" : "high";
        if (complexityReasons.Count == 0) complexityReasons.Add("a focused change with no risk signal");

        // Keep research → plan → implement → test → document → validate → deploy order.
        var order = Capabilities.All.Select(r => r.Name).ToList();
        caps = caps.OrderBy(c => order.IndexOf(c.Name)).ToList();
        return new TaskIntent(task, category, signals, caps, new ComplexityEstimate(level, score, complexityReasons), riskSignals);
    }
}
