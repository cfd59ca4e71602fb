namespace AgentOps.Orchestration.Planning;

/// <summary>
/// Groups a DAG of steps for execution. Topological levels are the parallel groups (--parallel);
/// the balanced default keeps at most one writing step per group (concurrent edits collide) with
/// the readers of its level; --conservative runs one step at a time in topological order.
/// Throws <see cref="InvalidOperationException"/> for a cycle or an unknown dependency.
/// </summary>
public static class PlanScheduler
{
    public static (IReadOnlyList<PlanStep> Steps, IReadOnlyList<IReadOnlyList<string>> Groups) Schedule(IReadOnlyList<PlanStep> steps, ExecutionMode mode)
    {
        var level = Levels(steps);
        var groups = new List<List<string>>();
        foreach (var tier in steps.GroupBy(s => level[s.Id]).OrderBy(g => g.Key))
        {
            var inOrder = tier.ToList();
            switch (mode)
            {
                case ExecutionMode.Parallel:
                    groups.Add(inOrder.Select(s => s.Id).ToList());
                    break;
                case ExecutionMode.Conservative:
                    groups.AddRange(inOrder.Select(s => new List<string> { s.Id }));
                    break;
                default:
                    var readers = inOrder.Where(s => !s.Writes).Select(s => s.Id).ToList();
                    var writers = inOrder.Where(s => s.Writes).Select(s => s.Id).ToList();
                    groups.Add([.. readers, .. writers.Take(1)]);
                    groups.AddRange(writers.Skip(1).Select(w => new List<string> { w }));
                    break;
            }
        }
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++) foreach (var id in groups[i]) groupOf[id] = i + 1;
        return (steps.Select(s => s with { Group = groupOf[s.Id] }).ToList(), groups.Select(g => (IReadOnlyList<string>)g).ToList());
    }

    /// <summary>1 + the longest dependency chain below each step (Kahn's algorithm; detects cycles).</summary>
    public static IReadOnlyDictionary<string, int> Levels(IReadOnlyList<PlanStep> steps)
    {
        var byId = steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var s in steps)
            foreach (var d in s.DependsOn)
                if (!byId.ContainsKey(d)) throw new InvalidOperationException($"step {s.Id} depends on unknown step {d}");
        var indegree = steps.ToDictionary(s => s.Id, s => s.DependsOn.Distinct().Count(), StringComparer.Ordinal);
        var level = new Dictionary<string, int>(StringComparer.Ordinal);
        var ready = new Queue<string>(steps.Where(s => indegree[s.Id] == 0).Select(s => s.Id));
        foreach (var id in ready) level[id] = 1;
        var done = 0;
        while (ready.Count > 0)
        {
            var id = ready.Dequeue();
            done++;
            foreach (var next in steps.Where(s => s.DependsOn.Contains(id)))
            {
                level[next.Id] = Math.Max(level.GetValueOrDefault(next.Id), level[id] + 1);
                if (--indegree[next.Id] == 0) ready.Enqueue(next.Id);
            }
        }
        if (done != steps.Count)
            throw new InvalidOperationException("plan steps form a cycle: " + string.Join(", ", indegree.Where(kv => kv.Value > 0).Select(kv => kv.Key)));
        return level;
    }
}
