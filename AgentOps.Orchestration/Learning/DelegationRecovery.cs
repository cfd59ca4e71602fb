using AgentOps.Core.Patterns;

namespace AgentOps.Orchestration.Learning;

/// <summary>
/// The delegation step that fails a session: the first failed command, subagent or skill that no later
/// successful call of the same name and kind, asked to do the same job (<see cref="StepCapability.SameRole"/>),
/// recovered (a retry after a checkpoint recovers it; the same agent in another role does not).
/// One pass from the end that remembers, per name and kind, the capabilities of the later successes (and, when
/// those do not settle it, looks their descriptions up in <see cref="LaterDescriptions"/>): asking each failed
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
    }

    public static ExecutionStep? FirstUnrecovered(IReadOnlyList<ExecutionStep> steps)
    {
        var later = new Dictionary<(string Name, string Kind), LaterSuccesses>();
        // Built for a name and kind only when capabilities do not settle a failed call of it (from one grouping of
        // all successes, made the first time one is needed).
        Dictionary<(string Name, string Kind), List<(string Text, int Position)>>? successes = null;
        var descriptions = new Dictionary<(string Name, string Kind), LaterDescriptions>();
        LaterDescriptions DescriptionsOf((string Name, string Kind) key)
        {
            if (descriptions.TryGetValue(key, out var d)) return d;
            successes ??= steps.Select((s, i) => (s, i))
                .Where(x => x.s.Kind != StepKinds.Tool && x.s.Succeeded && !string.IsNullOrWhiteSpace(x.s.Description))
                .GroupBy(x => (x.s.Name, x.s.Kind))
                .ToDictionary(g => g.Key, g => g.Select(x => (x.s.Description!, x.i)).ToList());
            return descriptions[key] = new LaterDescriptions(successes.GetValueOrDefault(key) ?? []);
        }
        ExecutionStep? first = null;
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            var s = steps[i];
            if (s.Kind == StepKinds.Tool) continue;
            var key = (s.Name, s.Kind);
            later.TryGetValue(key, out var known);
            if (s.Succeeded) Remember(later, known, s);
            else if (known is null || !Recovers(known, s.Description, () => DescriptionsOf(key).AnyAfter(s.Description!, i))) first = s;
        }
        return first;
    }

    private static void Remember(Dictionary<(string Name, string Kind), LaterSuccesses> later, LaterSuccesses? known, ExecutionStep s)
    {
        if (known is null) later[(s.Name, s.Kind)] = known = new LaterSuccesses();
        if (known.AnyRole) return;
        if (string.IsNullOrWhiteSpace(s.Description) || StepCapability.Of(s.Description) is not { } capability) known.AnyRole = true;
        else known.Capabilities.Add(capability);
    }

    /// <summary>Whether some later success did the job described by <paramref name="description"/>: the rules of
    /// <see cref="StepCapability.SameRole"/>, the cheap ones first; <paramref name="oneExtendsTheOther"/> last.</summary>
    private static bool Recovers(LaterSuccesses known, string? description, Func<bool> oneExtendsTheOther)
    {
        if (known.AnyRole || string.IsNullOrWhiteSpace(description)) return true;
        if (StepCapability.Of(description) is not { } capability || known.Capabilities.Contains(capability)) return true;
        return oneExtendsTheOther();
    }
}
