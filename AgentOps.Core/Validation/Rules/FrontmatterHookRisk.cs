using AgentOps.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Core.Validation;

/// <summary>
/// AOP1100–1103 on hooks declared in a skill's or agent's frontmatter (<c>hooks: {Event: [{hooks: [{command: …}]}]}</c>):
/// Claude Code runs them while the component is active, exactly like a plugin's hooks.json, so the same
/// shell risks apply, at the command's own line.
/// </summary>
public static class FrontmatterHookRisk
{
    public static IEnumerable<Diagnostic> Check(PluginTextFile file)
    {
        if (!file.IsComponent || !file.Text.Contains("hooks:", StringComparison.Ordinal)) yield break;
        if (file.Markdown.Field("hooks") is not { } hooks) yield break;
        foreach (var command in Commands(hooks.Value))
            foreach (var d in HookCommandRisk.CheckText(command.Value!, file.Path, ((int)command.Start.Line + 1, (int)command.Start.Column), "the frontmatter hook"))
                yield return d;
    }

    // Every scalar under a "command" key, at any depth (events → matchers → hooks → command).
    private static IEnumerable<YamlScalarNode> Commands(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.SelectMany(kv =>
            kv.Key is YamlScalarNode { Value: "command" } && kv.Value is YamlScalarNode { Value: not null } s ? [s] : Commands(kv.Value)),
        YamlSequenceNode seq => seq.Children.SelectMany(Commands),
        _ => [],
    };
}
