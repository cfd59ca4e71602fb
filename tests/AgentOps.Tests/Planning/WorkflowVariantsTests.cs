using AgentOps.Orchestration.Planning;

namespace AgentOps.Tests.Planning;

/// <summary>Which catalog agents may stand in for the one the resolver chose.</summary>
[TestClass]
public sealed class WorkflowVariantsTests
{
    private static PlanStep Step(string invocation, string phase, bool writes) =>
        new() { Id = "s1", Title = "t", Kind = "subagent", Invocation = invocation, Phase = phase, Writes = writes };

    [TestMethod]
    public void StandInsDoTheSameKindOfWork()
    {
        var tests = Step("agentops-core:test-generator", "test", writes: true);
        Assert.IsTrue(WorkflowVariants.CanDo(tests, "agentops-product-dev:qa-engineer"), "a tester for a tester");
        Assert.IsFalse(WorkflowVariants.CanDo(tests, "agentops-core:change-executor"), "not a builder");
        var research = Step("agentops-core:code-explorer", "research", writes: false);
        Assert.IsTrue(WorkflowVariants.CanDo(research, "agentops-core:history-explorer"));
        Assert.IsFalse(WorkflowVariants.CanDo(research, "agentops-product-dev:api-designer"));
        var design = Step("agentops-core:spec-architect", "plan", writes: false);
        Assert.IsTrue(WorkflowVariants.CanDo(design, "agentops-product-dev:api-designer"), "a planner for a planner");
        var validate = Step("agentops-core:continuous-validator", "validate", writes: false);
        Assert.IsTrue(WorkflowVariants.CanDo(validate, "agentops-product-dev:qa-engineer"), "testers and validators stand in for each other");
        var api = Step("agentops-product-dev:backend-engineer", "implement", writes: true);
        Assert.IsFalse(WorkflowVariants.CanDo(api, "agentops-core:risk-assessor"), "the risk assessor plans, whatever its name says");
        var infra = Step("agentops-devops:docker-specialist", "implement", writes: true);
        Assert.IsTrue(WorkflowVariants.CanDo(infra, "agentops-devops:cicd-engineer"), "implement, execute and deploy are one kind: builders");
        Assert.IsTrue(WorkflowVariants.CanDo(infra, "agentops-devops:kubernetes-specialist"));
    }

    [TestMethod]
    public void AReaderOnAWritingStepMayBeReplacedByAnyBuilder()
    {
        var docs = Step("agentops-core:doc-explorer", "document", writes: true);
        Assert.IsTrue(WorkflowVariants.CanDo(docs, "agentops-core:change-executor"));
        Assert.IsFalse(WorkflowVariants.CanDo(docs, "agentops-core:validation-planner"), "not another planner or reader");
        Assert.IsTrue(WorkflowVariants.CanDo(docs, "agentops-core:history-explorer"), "another reader is the same kind of work as the reader chosen");
    }
}
