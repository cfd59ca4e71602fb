namespace AgentOps.Orchestration.Planning;

/// <summary>
/// Composes a plan from the task's capabilities when no learned pattern is chosen: one step per
/// capability with the agent <see cref="AgentResolver"/> picks, wired research → plan → implement →
/// test/document → validate → deploy by what each step needs (the spec needs the research, the code
/// needs the spec and the risk report, tests need the code and the validation plan, ...).
/// </summary>
public static class PlanComposer
{
    private static readonly string[] ImplementCaps = [.. Capabilities.Domains, Capabilities.Implement];

    public static IReadOnlyList<PlanStep> Compose(TaskIntent intent, AgentResolver resolver)
    {
        var steps = new List<PlanStep>();
        var byCap = new Dictionary<string, PlanStep>(StringComparer.Ordinal);
        IEnumerable<string> Ids(params string[] caps) => caps.Where(byCap.ContainsKey).Select(c => byCap[c].Id);
        IReadOnlyList<string> Research() => steps.Where(s => s.Phase == "research").Select(s => s.Id).ToList();

        foreach (var cap in intent.Capabilities)
        {
            var rule = Capabilities.Get(cap.Name);
            var agent = cap.Agent is { } named ? resolver.Named(named, rule) : resolver.Resolve(rule);
            List<string> deps = cap.Name switch
            {
                Capabilities.ResearchCode or Capabilities.ResearchDocs or Capabilities.ResearchHistory => [],
                Capabilities.Design or Capabilities.Risk => [.. Research()],
                Capabilities.ValidationPlan => [.. Ids(Capabilities.Design)],
                Capabilities.Tests => [.. Ids(ImplementCaps), .. Ids(Capabilities.ValidationPlan)],
                Capabilities.Docs => [.. Ids(ImplementCaps)],
                Capabilities.Validate => [.. Ids(ImplementCaps), .. Ids(Capabilities.Tests, Capabilities.Docs, Capabilities.ValidationPlan)],
                Capabilities.Deploy => [.. Ids(Capabilities.Validate)],
                _ => [.. Ids(Capabilities.Design, Capabilities.Risk)], // implement steps
            };
            if (deps.Count == 0 && rule.Phase != "research") deps = [.. Research()];
            var inputs = deps.SelectMany(d => steps.First(s => s.Id == d).Outputs).Prepend("task").Distinct(StringComparer.Ordinal).ToList();
            var step = new PlanStep
            {
                Id = $"s{steps.Count + 1}",
                Title = rule.Title,
                Kind = agent.Kind,
                Invocation = agent.Invocation,
                Phase = rule.Phase,
                Capability = rule.Name,
                Instructions = rule.Instructions,
                Inputs = inputs,
                Outputs = rule.Outputs,
                DependsOn = deps,
                Writes = rule.Writes,
                InCatalog = agent.InCatalog,
                Origin = "catalog",
                Why = $"{cap.Reason}; {agent.Why}",
            };
            steps.Add(step);
            byCap[cap.Name] = step;
        }
        return steps;
    }
}
