using System.Text;
using System.Text.Json;
using AgentOps.Core.Json;

namespace AgentOps.Orchestration.Planning;

/// <summary>Writes a plan as JSON (schema <c>agentops.plan/v1</c>, documented in CATALOG_AND_PLANNING.md). Stable key order.</summary>
public static class PlanJsonWriter
{
    public static string ToJson(ExecutionPlan plan)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
            Write(w, plan);
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    public static void Write(Utf8JsonWriter w, ExecutionPlan plan)
    {
        w.WriteStartObject();
        w.WriteString("schema", ExecutionPlan.Schema);
        w.WriteString("task", plan.Task);
        w.WriteString("mode", plan.Mode.ToString().ToLowerInvariant());
        w.WriteString("purpose", plan.Purpose switch { PlanPurpose.PlanOnly => "plan-only", PlanPurpose.DryRun => "dry-run", _ => "execute" });

        var i = plan.Intent;
        w.WriteStartObject("intent");
        w.WriteString("category", i.Category);
        w.WriteStrings("category_signals", i.CategorySignals);
        w.WriteObjects("capabilities", i.Capabilities, (w, c) =>
        {
            w.WriteString("name", c.Name); w.WriteString("phase", c.Phase); w.WriteString("reason", c.Reason);
        });
        w.WriteStartObject("complexity");
        w.WriteString("level", i.Complexity.Level);
        w.WriteNumber("score", i.Complexity.Score);
        w.WriteStrings("reasons", i.Complexity.Reasons);
        w.WriteEndObject();
        w.WriteStrings("risk_signals", i.RiskSignals);
        w.WriteEndObject();

        var s = plan.Source;
        w.WriteStartObject("source");
        w.WriteString("kind", s.Kind);
        w.WriteStringOrNull("pattern_id", s.PatternId);
        w.WriteStringOrNull("pattern_title", s.PatternTitle);
        w.WriteNumberOrNull("success_rate", s.SuccessRate is { } sr ? Math.Round(sr, 4) : null);
        w.WriteNumberOrNull("executions", s.Executions);
        w.WriteStringOrNull("lifecycle", s.Lifecycle);
        w.WriteStringOrNull("store", s.Store);
        w.WriteStringOrNull("path", s.Path);
        w.WriteNumberOrNull("fit", s.Fit);
        w.WriteStrings("reasons", s.Reasons);
        w.WriteEndObject();

        var e = plan.Exploration;
        w.WriteStartObject("exploration");
        w.WriteString("strategy", e.Strategy);
        w.WriteNumberOrNull("seed", e.Seed);
        w.WriteBoolean("explored", e.Explored);
        w.WriteString("chosen", e.Chosen);
        w.WriteString("best_known", e.BestKnown);
        w.WriteString("reason", e.Reason);
        w.WriteObjects("candidates", e.Candidates, (w, c) =>
        {
            w.WriteString("id", c.Id); w.WriteString("kind", c.Kind); w.WriteNumber("successes", c.Successes); w.WriteNumber("failures", c.Failures);
            w.WriteNumber("fit", c.Fit); w.WriteNumber("posterior_mean", c.PosteriorMean);
            w.WriteNumberOrNull("sample", c.Sample);
        });
        w.WriteEndObject();

        w.WriteObjects("steps", plan.Steps, (w, st) =>
        {
            w.WriteString("id", st.Id);
            w.WriteString("title", st.Title);
            w.WriteString("kind", st.Kind);
            w.WriteString("invocation", st.Invocation);
            if (st.Kind == AgentOps.Core.Patterns.StepKinds.Subagent) w.WriteString("subagent_type", st.Invocation); else w.WriteNull("subagent_type");
            if (st.Kind == AgentOps.Core.Patterns.StepKinds.Command) w.WriteString("command", st.Invocation); else w.WriteNull("command");
            w.WriteString("phase", st.Phase);
            w.WriteString("capability", st.Capability);
            w.WriteString("instructions", st.Instructions);
            w.WriteStrings("inputs", st.Inputs);
            w.WriteStrings("outputs", st.Outputs);
            w.WriteStrings("depends_on", st.DependsOn);
            w.WriteNumber("group", st.Group);
            w.WriteBoolean("writes", st.Writes);
            w.WriteBoolean("in_catalog", st.InCatalog);
            w.WriteString("origin", st.Origin);
            w.WriteString("why", st.Why);
            w.WriteNumber("estimated_seconds", Math.Round(st.EstimatedSeconds, 1));
            w.WriteNumber("success_rate", Math.Round(st.SuccessRate, 4));
            w.WriteBoolean("checkpoint_after", plan.Checkpoints.Any(c => c.AfterStep == st.Id));
        });

        w.WriteStartArray("parallel_groups");
        foreach (var g in plan.Groups) { w.WriteStartArray(); foreach (var id in g) w.WriteStringValue(id); w.WriteEndArray(); }
        w.WriteEndArray();

        w.WriteObjects("checkpoints", plan.Checkpoints, (w, c) =>
        {
            w.WriteString("after", c.AfterStep); w.WriteString("reason", c.Reason); w.WriteString("check", c.Check);
        });

        w.WriteStartObject("estimate");
        w.WriteNumber("duration_seconds", plan.Estimate.DurationSeconds);
        w.WriteNumber("sequential_seconds", plan.Estimate.SequentialSeconds);
        w.WriteNumber("success_probability", plan.Estimate.SuccessProbability);
        w.WriteStrings("basis", plan.Estimate.Basis);
        w.WriteEndObject();

        w.WriteStrings("notes", plan.Notes);
        w.WriteStartArray("diagnostics");
        foreach (var d in plan.Diagnostics) w.WriteStringValue(d.ToString());
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
