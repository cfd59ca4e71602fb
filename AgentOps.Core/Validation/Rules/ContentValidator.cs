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
        HiddenInstructionsRule.Check, EncodedPayloadRule.Check, InvisibleUnicodeRule.Check, EscapedInvisibleTextRule.Check, DynamicContextRule.Check,
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
            {
                var found = rule(file).Take(MaxFindingsPerRule + 1).ToList();
                d.AddRange(found.Take(MaxFindingsPerRule));
                // One more says that the rest were not reported, where the first of them is, so a fixed file is not
                // mistaken for a clean one.
                if (found.Count > MaxFindingsPerRule)
                    d.Add(found[^1] with { Message = $"more than {MaxFindingsPerRule} findings of {found[^1].Code} in this file; the rest, from here on, are not reported" });
            }
        return d;
    }
}
