using System.Runtime.CompilerServices;
using AgentOps.Orchestration.Catalog;
using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Planning.Memory;

namespace AgentOps.Orchestration.Planning;

/// <summary>The domain of a change read from the catalog, with the specialist and the words that showed it.</summary>
public sealed record DomainReading(string Domain, string Agent, IReadOnlyList<string> Words)
{
    public string Reason => $"the catalog's {Agent} is the only specialist that speaks of \"{string.Join("\", \"", Words)}\"";
}

/// <summary>
/// Reads the domain of a change whose words name none (issue 15, composition by meaning): "Set up dashboards
/// and alerting" is infrastructure work because the one catalog specialist whose description speaks of
/// dashboards and of alerting is an infrastructure agent. The specialists of each domain are the agents the
/// resolver would consider for it (<see cref="CapabilityRule.CatalogQuery"/>) whose trade is that domain,
/// generalists (trade in three domains or more) left out. A word counts only when it is in exactly one
/// specialist's description (a word two specialists share, such as "images" for the container and the
/// pipeline agents, says nothing about which one), and a domain is read when at least
/// <see cref="MinimumWords"/> such words are one specialist's and no specialist of another domain has as
/// many. The vocabulary grows with the catalog: a data-engineering plugin's agent would teach it "ETL".
/// Built once per open catalog store (one `agentops plan` process).
/// </summary>
public sealed class CatalogDomainReader
{
    public const int MinimumWords = 2;
    private const int SpecialistsPerDomain = 10;

    private static readonly ConditionalWeakTable<CatalogStore, CatalogDomainReader> PerCatalog = new();

    private readonly Dictionary<string, string> _domainOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _specialistsByWord = new(StringComparer.Ordinal);

    private CatalogDomainReader(CatalogStore catalog)
    {
        var specialists = new Dictionary<string, (int Rank, string Domain, string Description)>(StringComparer.Ordinal);
        foreach (var domain in Capabilities.Domains.Select(Capabilities.Get))
        {
            if (domain.CatalogQuery is null || ParsedQuery.Parse(domain.CatalogQuery) is not { IsEmpty: false } query) continue;
            var hits = catalog.SearchComponents(query.Match, ComponentKinds.Agent, SpecialistsPerDomain);
            for (var r = 0; r < hits.Count; r++)
            {
                var (agent, description) = (hits[r].Component.Invocation, hits[r].Component.Description ?? "");
                var trade = AgentPriors.TradeOf(agent, description);
                if (!trade.Contains(domain.Name) || trade.Count(Capabilities.Domains.Contains) >= 3) continue;
                // An agent two domains claim belongs to the one whose search ranks it higher.
                if (specialists.TryGetValue(agent, out var had) && had.Rank <= r) continue;
                specialists[agent] = (r, domain.Name, description);
            }
        }
        foreach (var (agent, (_, domain, description)) in specialists)
        {
            _domainOf[agent] = domain;
            foreach (var (_, key) in Words(description))
                (_specialistsByWord.TryGetValue(key, out var list) ? list : _specialistsByWord[key] = []).Add(agent);
        }
    }

    public static CatalogDomainReader For(CatalogStore catalog) => PerCatalog.GetValue(catalog, c => new CatalogDomainReader(c));

    /// <summary>The domain the task's specific words point to, or null when they point nowhere or to several.</summary>
    public DomainReading? Read(string task)
    {
        // Words of one specialist only: two agents of a domain each sharing one word with the task ("modules",
        // "smaller") are two coincidences, not a reading.
        var words = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (word, key) in Words(task))
            if (_specialistsByWord.TryGetValue(key, out var agents) && agents.Count == 1)
                (words.TryGetValue(agents[0], out var list) ? list : words[agents[0]] = []).Add(word);
        var ranked = words.OrderByDescending(w => w.Value.Count).ThenBy(w => w.Key, StringComparer.Ordinal).ToList();
        if (ranked.Count == 0 || ranked[0].Value.Count < MinimumWords) return null;
        if (ranked.Count > 1 && ranked[1].Value.Count == ranked[0].Value.Count && _domainOf[ranked[1].Key] != _domainOf[ranked[0].Key]) return null;
        return new DomainReading(_domainOf[ranked[0].Key], ranked[0].Key, ranked[0].Value);
    }

    /// <summary>Distinct content words, stemmed so that "traces"/"trace" and "alerting"/"alerts" meet; numbers
    /// and stop words carry no domain.</summary>
    private static IEnumerable<(string Word, string Key)> Words(string text) =>
        ParsedQuery.Words(text).Where(w => !w.All(char.IsDigit) && !ParsedQuery.IsStopWord(w))
            .Select(w => (w, LightStemmer.Stem(w) is var s && s.Length > 4 && s.EndsWith('e') ? s[..^1] : s))
            .DistinctBy(x => x.Item2, StringComparer.Ordinal);
}
