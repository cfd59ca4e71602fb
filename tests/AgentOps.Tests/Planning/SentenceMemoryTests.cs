using AgentOps.Orchestration.Catalog.Ranking;
using AgentOps.Orchestration.Planning;
using AgentOps.Orchestration.Planning.Memory;
using AgentOps.Tests.Catalog;

namespace AgentOps.Tests.Planning;

/// <summary>
/// Issue 15 with the sentence model (the embedding service semantic search uses: MiniLM from its package,
/// read together with the words, <see cref="HybridEmbedder"/>): what was learned on one phrasing reaches
/// another that shares no word with it while an unrelated task stays out, a text's vector does not depend on
/// what it was embedded with, the plan is the same for the same store, and without the model the memory
/// falls back to the lexical embedder.
/// </summary>
public sealed partial class ExplorationTests
{
    private const string Outage = "Write the postmortem for last night's payment outage";
    private const string DataLoss = "Find the root cause of Friday's data loss and record the lessons learned";
    private const string Alerts = "Add Prometheus alerts for the queue backlog";

    private static readonly Lazy<MemoryEmbedder> Sentence = new(() => MemoryEmbedder.For(new HybridEmbedder(SemanticFixtures.MiniLm)));

    private static LearnedSignals OutageLearned() => Store(Pattern(Outage, Composed(Outage).Select(s => s.Invocation).ToList(), 4, 4,
        context: $"Example tasks: \"{Outage}\"."));

    [TestMethod]
    public void TheSentenceModelCarriesWhatWasLearnedToAPhrasingThatSharesNoWord()
    {
        var signals = OutageLearned();
        var lexical = TaskMemory.Recall(IntentAnalyzer.Analyze(DataLoss), signals.Patterns, MemoryEmbedder.Lexical).Patterns.Single();
        var sentence = TaskMemory.Recall(IntentAnalyzer.Analyze(DataLoss), signals.Patterns, Sentence.Value).Patterns.Single();
        Assert.AreEqual(0, lexical.Weight, $"the words alone see nothing in common (similarity {lexical.Similarity:0.000})");
        Assert.IsTrue(sentence.Weight > 0, $"the model reads both as a postmortem: the record counts (similarity {sentence.Similarity:0.000})");
        Assert.AreEqual(Outage, sentence.NearestTask);
        var unrelated = TaskMemory.Recall(IntentAnalyzer.Analyze(Alerts), signals.Patterns, Sentence.Value).Patterns.Single();
        Assert.AreEqual(0, unrelated.Weight, $"an alerting task does not borrow a postmortem's record (similarity {unrelated.Similarity:0.000})");
        Assert.IsTrue(unrelated.Similarity < sentence.Similarity);
    }

    [TestMethod]
    public void AVectorDoesNotDependOnTheTextsItWasEmbeddedWithAndThePlanIsStable()
    {
        var fresh = new HybridEmbedder(SemanticFixtures.MiniLm);
        var alone = fresh.Embed([Alerts])[0];
        var wrapped = MemoryEmbedder.For(fresh);
        var batch = wrapped.Embed([DataLoss + " " + string.Join(' ', Enumerable.Repeat("and then some more words", 12)), Alerts]);
        CollectionAssert.AreEqual(alone, batch[1], "embedded on its own, whatever shared the call");
        Assert.AreSame(wrapped, MemoryEmbedder.For(fresh), "one cache per embedder");

        var signals = OutageLearned();
        var options = new PlanOptions { Embedder = Sentence.Value };
        var a = Planner.Plan(DataLoss, _catalog, signals, options);
        var b = Planner.Plan(DataLoss, _catalog, signals, options);
        Assert.AreEqual(PlanJsonWriter.ToJson(a), PlanJsonWriter.ToJson(b), "same task, same store, same model: same plan");
    }

    [TestMethod]
    public void WithoutAModelOrAnythingLearnedTheMemoryIsLexical()
    {
        Assert.AreSame(MemoryEmbedder.Lexical, Planner.EmbedderFor(new PlanOptions(), LearnedSignals.None), "nothing to recall: the model is not loaded");
        Assert.AreSame(MemoryEmbedder.Lexical, MemoryEmbedder.For(null));
        Assert.AreSame(Sentence.Value, Planner.EmbedderFor(new PlanOptions { Embedder = Sentence.Value }, OutageLearned()));
        Assert.AreSame(MemoryEmbedder.Lexical, Planner.EmbedderFor(new PlanOptions(), OutageLearned()), "agentops plan does not load the model by default");
        Assert.IsFalse(MemoryEmbedder.Lexical.IsSentenceModel);
        Assert.AreEqual(MemoryCalibration.Hybrid, Sentence.Value.Calibration, "each embedder's cosines are read on its own scale");
        Assert.AreEqual(MemoryCalibration.Lexical, MemoryEmbedder.Lexical.Calibration);

        // A model that could not load: the plan is made with the words and says so.
        var fallback = Planner.Plan(DataLoss, _catalog, OutageLearned(), new PlanOptions { Embedder = MemoryEmbedder.LexicalBecause("no all-MiniLM-L6-v2 model: test") });
        Assert.IsTrue(fallback.Notes.Any(n => n.Contains("lexical fallback", StringComparison.Ordinal) && n.Contains("no all-MiniLM-L6-v2 model: test", StringComparison.Ordinal)),
            string.Join(" | ", fallback.Notes));
        Assert.IsFalse(Planner.Plan(DataLoss, _catalog, OutageLearned(), new PlanOptions { Embedder = Sentence.Value }).Notes.Any(n => n.Contains("lexical fallback", StringComparison.Ordinal)));
    }
}
