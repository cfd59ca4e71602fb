using AgentOps.Core.Patterns;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// The delegation step that fails a session: the first failed command, subagent or skill that no later
/// successful call of the same name and kind, asked to do the same job (<see cref="StepCapability.SameRole"/>),
/// recovered (a retry after a checkpoint recovers it; the same agent in another role does not).
/// One pass from the end that remembers, per name and kind, what the later successes were: asking each failed
/// step about every later step was quadratic (100,000 failed Agent calls never finished).
/// </summary>
internal static class DelegationRecovery
{
    /// <summary>The later successful calls of one name and kind, as <see cref="StepCapability.SameRole"/> reads them.</summary>
    private sealed class LaterSuccesses
    {
        /// <summary>A success whose description is blank or names no capability: the same role as any call.</summary>
        public bool AnyRole;
        public readonly HashSet<string> Capabilities = new(StringComparer.Ordinal);
        /// <summary>Their descriptions, for the one rule capabilities cannot answer: one text extending the other.</summary>
        public readonly List<string> Descriptions = [];
        public readonly HashSet<string> SeenDescriptions = new(StringComparer.Ordinal);
    }

    public static ExecutionStep? FirstUnrecovered(IReadOnlyList<ExecutionStep> steps)
    {
        var later = new Dictionary<(string Name, string Kind), LaterSuccesses>();
        ExecutionStep? first = null;
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            var s = steps[i];
            if (s.Kind == StepKinds.Tool) continue;
            later.TryGetValue((s.Name, s.Kind), out var known);
            if (s.Succeeded) Remember(later, known, s);
            else if (known is null || !Recovers(known, s.Description)) first = s;
        }
        return first;
    }

    private static void Remember(Dictionary<(string Name, string Kind), LaterSuccesses> later, LaterSuccesses? known, ExecutionStep s)
    {
        if (known is null) later[(s.Name, s.Kind)] = known = new LaterSuccesses();
        if (known.AnyRole) return;
        if (string.IsNullOrWhiteSpace(s.Description) || StepCapability.Of(s.Description) is not { } capability) { known.AnyRole = true; return; }
        known.Capabilities.Add(capability);
        if (known.SeenDescriptions.Add(s.Description)) known.Descriptions.Add(s.Description);
    }

    /// <summary>Whether some later success did the job described by <paramref name="description"/>: the rules of
    /// <see cref="StepCapability.SameRole"/>, the cheap ones first.</summary>
    private static bool Recovers(LaterSuccesses known, string? description)
    {
        if (known.AnyRole || string.IsNullOrWhiteSpace(description)) return true;
        if (StepCapability.Of(description) is not { } capability || known.Capabilities.Contains(capability)) return true;
        foreach (var d in known.Descriptions)
            if (d.StartsWith(description, StringComparison.Ordinal) || description.StartsWith(d, StringComparison.Ordinal)) return true;
        return false;
    }
}
