using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

/// <summary>
/// How components are found and chosen: AOP1153 (an agent's or skill's description is what the model
/// routes on; it must say when to use it), AOP1158 (a skill's name is kebab-case and its folder's name),
/// AOP1159 (a command's file name is its slash command: kebab-case).
/// </summary>
public static partial class ComponentNamingRules
{
    public static IEnumerable<Diagnostic> Check(PluginTextFile file)
    {
        if (!file.IsComponent) yield break;
        if (file.RelativePath.StartsWith("commands/", StringComparison.Ordinal))
        {
            var command = Path.GetFileNameWithoutExtension(file.Path);
            if (!KebabCase().IsMatch(command))
                yield return new Diagnostic(DiagnosticCodes.CommandFileName, DiagnosticSeverity.Warning, file.Path, 1, 1,
                    $"the command file name '{command}' is the slash command users type: use lowercase kebab-case");
            yield break;
        }
        var doc = file.Markdown;
        var isSkill = file.RelativePath.StartsWith("skills/", StringComparison.Ordinal);
        if (doc.Field("description") is { Scalar: { Length: > 0 } description } field && !Routing().IsMatch(description))
            yield return new Diagnostic(DiagnosticCodes.DescriptionNotRouting, DiagnosticSeverity.Warning, file.Path, field.Line, field.Column,
                $"the {(isSkill ? "skill" : "agent")}'s description says what it is, not when to use it; the model picks {(isSkill ? "skills" : "agents")} by it: add \"Use when …\"");
        if (isSkill && doc.Field("name") is { Scalar: { Length: > 0 } name } nameField)
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(file.Path));
            if (!KebabCase().IsMatch(name) || name != folder)
                yield return new Diagnostic(DiagnosticCodes.SkillNameMismatch, DiagnosticSeverity.Warning, file.Path, nameField.Line, nameField.Column,
                    $"skill name '{name}' must be lowercase kebab-case and match its folder '{folder}' (Agent Skills specification)");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"\b(use|used|invoke|call|run|apply|trigger(ed|s)?)\b[^.]{0,20}\b(when|whenever|for|to|if|after|before|during|once|in|on|proactively)\b|\bwhen (the |a )?(user|you|asked|working|editing|creating|adding|changing|reviewing)|\bproactively\b", RegexOptions.IgnoreCase)]
    private static partial Regex Routing();
}
