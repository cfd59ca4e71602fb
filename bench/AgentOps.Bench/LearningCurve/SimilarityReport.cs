using System.Globalization;
using System.Text;
using AgentOps.Orchestration.Planning;
using AgentOps.Orchestration.Planning.Memory;

namespace AgentOps.Bench.LearningCurve;

/// <summary>
/// How an embedder reads the families' phrasings (<c>learning-curve --similarities</c>), to set its
/// <see cref="MemoryCalibration"/>: the cosine of a phrasing with the other phrasings of its own family
/// (the memory should count their evidence) and with the nearest phrasing of any other family (it should
/// count little of it). Run it with <c>--only shipped,tuned</c>:
/// the untouched families are never used to set a scale.
/// </summary>
public static class SimilarityReport
{
    public static string Render(IReadOnlyList<TaskFamily> families, MemoryEmbedder embedder, AgentOps.Orchestration.Catalog.CatalogStore catalog)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"Similarities read by {embedder.ModelId} over {families.Count} families ({embedder.Calibration}):");
        var same = new List<double>();
        var other = new List<double>();
        var misses = 0;
        foreach (var f in families)
            foreach (var p in f.Phrasings)
            {
                var own = f.Phrasings.Where(q => q != p).Select(q => embedder.Similarity(p, q)).ToList();
                var nearestOther = families.Where(g => g != f).SelectMany(g => g.Phrasings).Max(q => embedder.Similarity(p, q));
                same.AddRange(own);
                other.Add(nearestOther);
                if (own.Max() < nearestOther) misses++;
            }
        sb.AppendLine(inv, $"  same family, every other phrasing:  {Summary(same)}");
        sb.AppendLine(inv, $"  nearest phrasing of another family: {Summary(other)}");
        sb.AppendLine(inv, $"  phrasings whose nearest neighbour is in another family: {misses} of {other.Count}");
        foreach (var bar in new[] { 0.2, 0.3, 0.4, 0.5, 0.6, 0.7 })
            sb.AppendLine(inv, $"  from {bar:0.0}: {same.Count(x => x >= bar) * 100.0 / same.Count,5:0}% of same-family pairs, {other.Count(x => x >= bar) * 100.0 / other.Count,5:0}% of nearest other-family phrasings");
        // Composition by meaning: for the phrasings whose words name no domain, the domain nearest in meaning
        // against the domain the family truly needs (none: generic implementation).
        sb.AppendLine("  domain by meaning, phrasings whose words name none (task: truth | nearest, similarity, margin over the next):");
        foreach (var f in families)
            foreach (var p in f.Phrasings)
            {
                var intent = IntentAnalyzer.Analyze(p);
                if (intent.Capabilities.All(c => c.Name != Capabilities.Implement)) continue;
                var truth = f.NeedsOf(p).Where(c => Capabilities.Domains.Contains(c)).DefaultIfEmpty(Capabilities.Implement).First();
                var sims = Capabilities.Domains.Append(Capabilities.Implement).Select(d => (d, Sim: embedder.Similarity(p, AgentPriors.Meaning(Capabilities.Get(d))))).OrderByDescending(x => x.Sim).ToList();
                sb.AppendLine(inv, $"    {(p.Length > 60 ? p[..60] : p),-60} {truth,-15}| {sims[0].d,-15} {sims[0].Sim:0.00} {sims[0].Sim - sims[1].Sim:0.00}  ({string.Join(", ", sims.Skip(1).Select(x => $"{x.d} {x.Sim:0.00}"))})");
            }
        // The informed priors' text fit: an agent's description against a capability's description and a task.
        var fits = new List<double>();
        var inTrade = new List<double>();
        sb.AppendLine("  trades read from the catalog descriptions:");
        foreach (var agent in TaskFamilies.Profiles.Keys)
        {
            var description = catalog.FindComponent(agent)?.Component.Description;
            if (description is null) continue;
            var trade = AgentPriors.TradeOf(agent, description, embedder);
            sb.AppendLine(inv, $"    {agent,-40} {string.Join(", ", trade)}");
            foreach (var rule in AgentOps.Orchestration.Planning.Capabilities.All)
                foreach (var task in families.Select(f => f.Phrasings[0]))
                {
                    var fit = embedder.Similarity(agent + " " + description, AgentPriors.Meaning(rule) + " " + task);
                    fits.Add(fit);
                    if (trade.Contains(rule.Name)) inTrade.Add(fit);
                }
        }
        sb.AppendLine(inv, $"  description fit, every agent and capability: {Summary(fits)}");
        sb.AppendLine(inv, $"  description fit, in the agent's trade:       {Summary(inTrade)}");
        return sb.ToString();
    }

    private static string Summary(List<double> xs)
    {
        var s = xs.Order().ToList();
        double Q(double q) => s[Math.Clamp((int)Math.Ceiling(q * s.Count) - 1, 0, s.Count - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"mean {s.Average():0.00}, p10 {Q(0.1):0.00}, p50 {Q(0.5):0.00}, p90 {Q(0.9):0.00}, max {s[^1]:0.00}");
    }
}
