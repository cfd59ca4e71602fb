using System.Text;
using System.Text.Json;

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
        Strings(w, "category_signals", i.CategorySignals);
        w.WriteStartArray("capabilities");
        foreach (var c in i.Capabilities)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name); w.WriteString("phase", c.Phase); w.WriteString("reason", c.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("complexity");
        w.WriteString("level", i.Complexity.Level);
        w.WriteNumber("score", i.Complexity.Score);
        Strings(w, "reasons", i.Complexity.Reasons);
        w.WriteEndObject();
        Strings(w, "risk_signals", i.RiskSignals);
        w.WriteEndObject();

        var s = plan.Source;
        w.WriteStartObject("source");
        w.WriteString("kind", s.Kind);
        Nullable(w, "pattern_id", s.PatternId);
        Nullable(w, "pattern_title", s.PatternTitle);
        if (s.SuccessRate is { } sr) w.WriteNumber("success_rate", Math.Round(sr, 4)); else w.WriteNull("success_rate");
        if (s.Executions is { } ex) w.WriteNumber("executions", ex); else w.WriteNull("executions");
        Nullable(w, "lifecycle", s.Lifecycle);
        Nullable(w, "store", s.Store);
        Nullable(w, "path", s.Path);
        if (s.Fit is { } fit) w.WriteNumber("fit", fit); else w.WriteNull("fit");
        Strings(w, "reasons", s.Reasons);
        w.WriteEndObject();

        var e = plan.Exploration;
        w.WriteStartObject("exploration");
        w.WriteString("strategy", e.Strategy);
        if (e.Seed is { } seed) w.WriteNumber("seed", seed); else w.WriteNull("seed");
        w.WriteBoolean("explored", e.Explored);
        w.WriteString("chosen", e.Chosen);
        w.WriteString("best_known", e.BestKnown);
        w.WriteString("reason", e.Reason);
        w.WriteStartArray("candidates");
        foreach (var c in e.Candidates)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id); w.WriteString("kind", c.Kind); w.WriteNumber("successes", c.Successes); w.WriteNumber("failures", c.Failures);
            w.WriteNumber("fit", c.Fit); w.WriteNumber("posterior_mean", c.PosteriorMean);
            if (c.Sample is { } smp) w.WriteNumber("sample", smp); else w.WriteNull("sample");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartArray("steps");
        foreach (var st in plan.Steps)
        {
            w.WriteStartObject();
            w.WriteString("id", st.Id);
            w.WriteString("title", st.Title);
            w.WriteString("kind", st.Kind);
            w.WriteString("invocation", st.Invocation);
            if (st.Kind == AgentOps.Core.Patterns.StepKinds.Subagent) w.WriteString("subagent_type", st.Invocation); else w.WriteNull("subagent_type");
            if (st.Kind == AgentOps.Core.Patterns.StepKinds.Command) w.WriteString("command", st.Invocation); else w.WriteNull("command");
            w.WriteString("phase", st.Phase);
            w.WriteString("capability", st.Capability);
            w.WriteString("instructions", st.Instructions);
            Strings(w, "inputs", st.Inputs);
            Strings(w, "outputs", st.Outputs);
            Strings(w, "depends_on", st.DependsOn);
            w.WriteNumber("group", st.Group);
            w.WriteBoolean("writes", st.Writes);
            w.WriteBoolean("in_catalog", st.InCatalog);
            w.WriteString("origin", st.Origin);
            w.WriteString("why", st.Why);
            w.WriteNumber("estimated_seconds", Math.Round(st.EstimatedSeconds, 1));
            w.WriteNumber("success_rate", Math.Round(st.SuccessRate, 4));
            w.WriteBoolean("checkpoint_after", plan.Checkpoints.Any(c => c.AfterStep == st.Id));
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("parallel_groups");
        foreach (var g in plan.Groups) { w.WriteStartArray(); foreach (var id in g) w.WriteStringValue(id); w.WriteEndArray(); }
        w.WriteEndArray();

        w.WriteStartArray("checkpoints");
        foreach (var c in plan.Checkpoints)
        {
            w.WriteStartObject();
            w.WriteString("after", c.AfterStep); w.WriteString("reason", c.Reason); w.WriteString("check", c.Check);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartObject("estimate");
        w.WriteNumber("duration_seconds", plan.Estimate.DurationSeconds);
        w.WriteNumber("sequential_seconds", plan.Estimate.SequentialSeconds);
        w.WriteNumber("success_probability", plan.Estimate.SuccessProbability);
        Strings(w, "basis", plan.Estimate.Basis);
        w.WriteEndObject();

        Strings(w, "notes", plan.Notes);
        w.WriteStartArray("diagnostics");
        foreach (var d in plan.Diagnostics) w.WriteStringValue(d.ToString());
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        foreach (var s in items) w.WriteStringValue(s);
        w.WriteEndArray();
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }
}
