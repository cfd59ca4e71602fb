using AgentOps.Core.Diagnostics;
using AgentOps.Core.Markdown;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Core.Validation;

public enum ComponentKind { Command, Agent, Skill }

/// <summary>
/// Checks the frontmatter of commands (commands/*.md), agents (agents/*.md) and skills
/// (skills/*/SKILL.md). Matches the CLI where it has an opinion (a missing frontmatter or command
/// description is a warning) and is stricter where a mistake silently breaks a component at runtime:
/// agents and skills need `name` and `description`, tools and models must exist.
/// </summary>
public static partial class FrontmatterValidator
{
    public static IReadOnlyList<Diagnostic> ValidateFile(string path, ComponentKind kind)
    {
        if (!TextFileReader.TryRead(path, out var text, out var problem)) return [problem!];
        return Validate(path, text, kind);
    }

    public static IReadOnlyList<Diagnostic> Validate(string path, string text, ComponentKind kind)
    {
        var doc = MarkdownDocument.Parse(path, text);
        var diagnostics = new List<Diagnostic>(doc.Errors);
        if (doc.Errors.Count > 0) return diagnostics;
        var noun = kind.ToString().ToLowerInvariant();
        if (!doc.HasFrontmatter)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.FrontmatterMissing, DiagnosticSeverity.Warning, path, 1, 1,
                $"no frontmatter block: add YAML between '---' lines at the top to set the {noun}'s description"));
            if (kind == ComponentKind.Command) return diagnostics;
        }

        var required = kind == ComponentKind.Command ? [] : new[] { "name", "description" };
        foreach (var key in required.Where(k => !HasText(doc.Field(k))))
            diagnostics.Add(new Diagnostic(DiagnosticCodes.ComponentFieldMissing, DiagnosticSeverity.Error, path, 1, 1,
                $"the {noun} has no '{key}' in its frontmatter; Claude Code needs it to list and pick the {noun}"));
        if (kind == ComponentKind.Command && doc.HasFrontmatter && !HasText(doc.Field("description")))
            diagnostics.Add(new Diagnostic(DiagnosticCodes.CommandDescriptionMissing, DiagnosticSeverity.Warning, path, 1, 1,
                "the command has no 'description'; it helps users and Claude understand when to use it"));

        foreach (var key in new[] { "name", "description", "model" })
            if (doc.Field(key) is { Value: not YamlScalarNode } f)
                diagnostics.Add(At(DiagnosticCodes.FrontmatterFieldWrongType, path, f.Line, f.Column, $"'{key}' must be a single text value"));

        // YAML reads an unquoted 5 or true as a number or boolean; Claude Code refuses a name that is not a string.
        if (doc.Field("name") is { Value: YamlScalarNode { Style: ScalarStyle.Plain } plain } typed && plain.Value is { } raw && YamlTypedScalar().IsMatch(raw))
            diagnostics.Add(At(DiagnosticCodes.FrontmatterFieldWrongType, path, typed.Line, typed.Column,
                $"'name' must be a string, but YAML reads {raw} as a {(raw is "true" or "false" or "True" or "False" ? "boolean" : "number")}: quote it"));
        if (kind != ComponentKind.Agent && doc.Field("shell") is { } shell && shell.Scalar?.Trim().ToLowerInvariant() is not ("bash" or "powershell"))
            diagnostics.Add(At(DiagnosticCodes.FrontmatterFieldWrongType, path, shell.Line, shell.Column, "'shell' must be 'bash' or 'powershell'"));
        if (kind != ComponentKind.Command && doc.Field("name") is { Scalar: { Length: > 0 } name } nameField)
            CheckNameText(path, noun, name, nameField, diagnostics);

        var toolsKey = kind == ComponentKind.Agent ? "tools" : "allowed-tools";
        if (doc.Field(toolsKey) is { } tools) CheckTools(doc, tools, diagnostics);
        if (doc.Field("model")?.Scalar is { Length: > 0 } model && !KnownTools.IsKnownModel(model))
        {
            var f = doc.Field("model")!;
            diagnostics.Add(At(DiagnosticCodes.UnknownModel, path, f.Line, f.Column,
                $"unknown model '{model}': use sonnet, opus, haiku, inherit or a full model id such as claude-sonnet-4-5"));
        }
        return diagnostics;
    }

    private static void CheckTools(MarkdownDocument doc, FrontmatterField field, List<Diagnostic> diagnostics)
    {
        if (field.Value is YamlMappingNode)
        {
            diagnostics.Add(At(DiagnosticCodes.FrontmatterFieldWrongType, doc.Path, field.Line, field.Column,
                $"'{field.Key}' must be a list of tool names or a comma-separated string"));
            return;
        }
        // Items of a block list sit on their own lines: point at the item, not the key.
        var items = field.Value is YamlSequenceNode seq
            ? seq.Children.Select(n => (Name: (n as YamlScalarNode)?.Value ?? n.ToString(), Line: (int)n.Start.Line + doc.FrontmatterLine, Col: (int)n.Start.Column))
            : field.Items.Select(i => (Name: i, field.Line, Col: field.Column));
        foreach (var (name, line, col) in items)
            if (!KnownTools.IsKnownTool(name))
                diagnostics.Add(At(DiagnosticCodes.UnknownTool, doc.Path, line, col,
                    $"unknown tool '{name}' in '{field.Key}': use a Claude Code tool (Read, Edit, Bash, Bash(git:*), mcp__server__tool…)"));
    }

    // Public marketplace CI: a name must not hide characters or carry shell metacharacters (warnings).
    private static void CheckNameText(string path, string noun, string name, FrontmatterField f, List<Diagnostic> diagnostics)
    {
        if (UnsafeText.FirstHiddenCodePoint(name) is { } cp)
            diagnostics.Add(new Diagnostic(DiagnosticCodes.HiddenUnicode, DiagnosticSeverity.Warning, path, f.Line, f.Column,
                $"the {noun} name '{name}' holds the invisible or bidirectional character {UnsafeText.Describe(cp)}: remove it"));
        else if (UnsafeText.FirstShellMetacharacter(name) is { } c)
            diagnostics.Add(new Diagnostic(DiagnosticCodes.ShellMetacharacter, DiagnosticSeverity.Warning, path, f.Line, f.Column,
                $"the {noun} name '{name}' holds the shell metacharacter '{c}': use letters, digits and '-'"));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^([-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.Inf|\.nan|\.NaN)|true|false|True|False|TRUE|FALSE)$")]
    private static partial System.Text.RegularExpressions.Regex YamlTypedScalar();

    private static bool HasText(FrontmatterField? f) => !string.IsNullOrWhiteSpace(f?.Scalar);

    private static Diagnostic At(string code, string path, int line, int col, string message) =>
        new(code, DiagnosticSeverity.Error, path, line, col, message);
}
