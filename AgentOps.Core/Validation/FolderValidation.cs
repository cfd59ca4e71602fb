using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

public enum ValidationTargetKind { Marketplace, Plugin, Nothing }

/// <summary>What <c>agentops validate &lt;path&gt;</c> checked: the kind it recognised, its root folder, the findings.</summary>
public sealed record FolderValidationResult(ValidationTargetKind Kind, string Root, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// The `agentops validate` front door: recognises a marketplace folder, a plugin folder or a manifest
/// file the way `claude plugin validate` does (marketplace.json first, then plugin.json, then a bare
/// skills/ tree) and runs exactly the validators the build runs.
/// </summary>
public static class FolderValidation
{
    /// <exception cref="ArgumentException">The path does not exist, or is a file other than a manifest.</exception>
    public static FolderValidationResult Validate(string path, string? severityOverrides = null)
    {
        var raw = ValidateRaw(path);
        return raw with { Diagnostics = DiagnosticPolicy.Apply(raw.Diagnostics, severityOverrides) };
    }

    private static FolderValidationResult ValidateRaw(string path)
    {
        var full = Path.GetFullPath(path);
        var root = RootOf(full);
        if (File.Exists(Path.Combine(root, ".claude-plugin", "marketplace.json")))
            return new(ValidationTargetKind.Marketplace, root, MarketplaceFolderValidator.Validate(root));
        if (Path.Exists(Path.Combine(root, ".claude-plugin", "plugin.json")) || HasSkillsTree(root))
            return new(ValidationTargetKind.Plugin, root, PluginFolderValidator.Validate(root));
        return new(ValidationTargetKind.Nothing, root,
        [
            new Diagnostic(DiagnosticCodes.NothingToValidate, DiagnosticSeverity.Error, root, 0, 0,
                "nothing to validate: the folder has no .claude-plugin/marketplace.json, no .claude-plugin/plugin.json and no skills/<name>/SKILL.md"),
        ]);
    }

    private static string RootOf(string full)
    {
        if (Directory.Exists(full)) return full;
        if (!File.Exists(full)) throw new ArgumentException($"{full}: no such file or folder");
        var name = Path.GetFileName(full);
        if (name is not ("marketplace.json" or "plugin.json"))
            throw new ArgumentException($"{full}: expected a folder, or a .claude-plugin/marketplace.json or plugin.json file");
        var dir = Path.GetDirectoryName(full)!;
        // A manifest sits in .claude-plugin/; its folder's parent is the root the rules need (sources, components).
        if (Path.GetFileName(dir) != ".claude-plugin")
            throw new ArgumentException($"{full}: a manifest is read from <root>/.claude-plugin/{name}; pass the root folder");
        return Path.GetDirectoryName(dir)!;
    }

    private static bool HasSkillsTree(string root)
    {
        var skills = Path.Combine(root, "skills");
        return Directory.Exists(skills) && Directory.EnumerateDirectories(skills).Any(d => File.Exists(Path.Combine(d, "SKILL.md")));
    }
}
