using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

/// <summary>
/// Runs the content rules on every text file of a plugin, each file read once: the hidden-content
/// security rules (AOP1107–1110) and the content rules (links, budget, fences, placeholders, names).
/// </summary>
public static class ContentValidator
{
    private static readonly Func<PluginTextFile, IEnumerable<Diagnostic>>[] FileRules =
    [
        HiddenInstructionsRule.Check, EncodedPayloadRule.Check, InvisibleUnicodeRule.Check, DynamicContextRule.Check,
        InternalLinkRule.Check, ContextBudgetRule.Check, MarkdownStructureRules.Check, ComponentNamingRules.Check, FrontmatterHookRisk.Check,
    ];

    /// <summary>
    /// One rule reports at most this many findings in one file. Past it more say nothing new, and a hostile file
    /// of a million broken links or hidden comments must not become a million diagnostics (a gigabyte held,
    /// and each one checked for an inline suppression). The rules are lazy, so the scan stops there too.
    /// </summary>
    public const int MaxFindingsPerRule = 100;

    public static IReadOnlyList<Diagnostic> Validate(string pluginDirectory)
    {
        var files = PluginTextFile.ReadAll(pluginDirectory);
        var d = new List<Diagnostic>();
        foreach (var file in files)
            foreach (var rule in FileRules)
                d.AddRange(rule(file).Take(MaxFindingsPerRule));
        return d;
    }
}
