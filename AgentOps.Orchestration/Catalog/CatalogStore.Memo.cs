namespace AgentOps.Orchestration.Catalog;

// Remembered component queries. The planner asks the same few catalog questions for every plan (the
// catalog's agents for each step's capability, each agent's description for its prior: issue 15 measured
// them at two thirds of Planner.Plan on a 2-core box), and the answers only change when a marketplace is
// replaced or removed, which clears them (InvalidateCaches, also at the start of every write transaction).
// A connection is used by one thread at a time; the lock only guards against a caller that breaks that.
public sealed partial class CatalogStore
{
    /// <summary>Beyond this many remembered answers per kind of query the memo starts over (a long-lived
    /// process asked about many tasks keeps a bounded memory).</summary>
    private const int MaxRemembered = 4_096;

    private readonly Lock _memoGate = new();
    private readonly Dictionary<(string Match, string Kind, int Limit), IReadOnlyList<ComponentHit>> _componentSearches = [];
    private readonly Dictionary<string, ComponentHit?> _components = new(StringComparer.Ordinal);

    private TValue Remember<TKey, TValue>(Dictionary<TKey, TValue> memo, TKey key, Func<TKey, TValue> ask) where TKey : notnull
    {
        lock (_memoGate)
        {
            if (memo.TryGetValue(key, out var known)) return known;
            if (memo.Count >= MaxRemembered) memo.Clear();
            return memo[key] = ask(key);
        }
    }

    /// <summary>Forgets the remembered answers (on every write; tests: a cold memo plans as a warm one).</summary>
    internal void ForgetComponentQueries()
    {
        lock (_memoGate)
        {
            _componentSearches.Clear();
            _components.Clear();
        }
    }
}
