using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

/// <summary>
/// AOP1152: a command, agent or skill file is loaded whole into the model's context each time it is used;
/// past <see cref="Budget"/> tokens it crowds out the user's own work. Move detail into files the
/// component reads on demand (a skill's references/), or split it.
/// </summary>
public static class ContextBudgetRule
{
    public const int Budget = 5000;

    public static IEnumerable<Diagnostic> Check(PluginTextFile file)
    {
        // A token covers at least one UTF-8 byte: a file of no more bytes than the budget cannot exceed it.
        if (!file.IsComponent || System.Text.Encoding.UTF8.GetByteCount(file.Text) <= Budget) yield break;
        var tokens = TokenCounter.Count(file.Text);
        if (tokens > Budget)
            yield return new Diagnostic(DiagnosticCodes.ContextBudgetExceeded, DiagnosticSeverity.Warning, file.Path, 1, 1,
                $"{tokens:N0} tokens ({TokenCounter.Name}), over the budget of {Budget:N0} for a file loaded whole into the context: move detail into files read on demand, or split it");
    }
}
