using AgentOps.Core.Patterns;

namespace AgentOps.Orchestration.Learning;

public static partial class HookLogParser
{
    /// <summary>
    /// The subagent steps of a hook log by name, for the two questions the parser asks at each event: which step a
    /// SubagentStart claims (the last one of its type no agent id claims yet) and which step an Agent tool call is
    /// (the first of its type claimed by an agent id and with no tool_use id yet). Each answer is the end of a sorted
    /// set, not a scan of every step asking the agent-id table about each (2,000 subagents took 13 s, 4,000 took 50 s).
    /// </summary>
    private sealed class SubagentSteps
    {
        private readonly List<Pending> _steps = [];
        /// <summary>How many agent ids name each step (one, unless a payload reused an id).</summary>
        private readonly Dictionary<Pending, int> _agentIds = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Pending, int> _index = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, SortedSet<int>> _unclaimed = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedSet<int>> _claimedWithoutToolUse = new(StringComparer.Ordinal);

        /// <summary>A step was added to the log's steps (in that order).</summary>
        public void Added(Pending step)
        {
            _index[step] = _steps.Count;
            _steps.Add(step);
            Changed(step);
        }

        /// <summary>An agent id now names <paramref name="step"/>, instead of <paramref name="before"/> if it named one.</summary>
        public void Claimed(Pending step, Pending? before)
        {
            if (before is not null) { _agentIds[before]--; Changed(before); }
            _agentIds[step] = _agentIds.GetValueOrDefault(step) + 1;
            Changed(step);
        }

        /// <summary>A step's tool_use id or claim changed: it moves between the sets.</summary>
        public void Changed(Pending step)
        {
            if (step.Kind != StepKinds.Subagent || !_index.TryGetValue(step, out var at)) return;
            var claimed = _agentIds.GetValueOrDefault(step) > 0;
            Put(_unclaimed, step.Name, at, !claimed);
            Put(_claimedWithoutToolUse, step.Name, at, claimed && step.ToolUseId is null);
        }

        public Pending? LastUnclaimed(string name) => _unclaimed.TryGetValue(name, out var s) && s.Count > 0 ? _steps[s.Max] : null;

        public Pending? FirstClaimedWithoutToolUse(string name) =>
            _claimedWithoutToolUse.TryGetValue(name, out var s) && s.Count > 0 ? _steps[s.Min] : null;

        private static void Put(Dictionary<string, SortedSet<int>> sets, string name, int at, bool member)
        {
            if (!sets.TryGetValue(name, out var set))
            {
                if (!member) return;
                sets[name] = set = [];
            }
            if (member) set.Add(at); else set.Remove(at);
        }
    }
}
