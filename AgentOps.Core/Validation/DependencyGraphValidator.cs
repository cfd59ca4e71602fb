using AgentOps.Core.Diagnostics;

namespace AgentOps.Core.Validation;

/// <summary>One dependency as declared: the plugin it needs, an optional version range, and where.</summary>
public sealed record PluginDependency(string Name, string? Constraint, string File, int Line, int Column = 1);

/// <summary>A plugin of the marketplace as the dependency check sees it.</summary>
public sealed record PluginNode(string Name, string? Version, IReadOnlyList<PluginDependency> Dependencies, string File, int Line = 1);

/// <summary>
/// Checks the dependencies between a marketplace's plugins: every dependency exists, its version
/// satisfies the declared range, and no cycle makes installation impossible. Each finding sits at the
/// line that declares the dependency (plugin.json or the .agentplugin project).
/// </summary>
public static class DependencyGraphValidator
{
    public static IReadOnlyList<Diagnostic> Validate(IReadOnlyList<PluginNode> plugins)
    {
        var diagnostics = new List<Diagnostic>();
        var byName = new Dictionary<string, PluginNode>(StringComparer.Ordinal);
        foreach (var p in plugins) byName.TryAdd(p.Name, p); // duplicates are reported by the marketplace check

        foreach (var plugin in plugins)
            foreach (var dep in plugin.Dependencies)
                CheckEdge(plugin, dep, byName, diagnostics);
        diagnostics.AddRange(FindCycles(plugins, byName));
        return diagnostics;
    }

    private static void CheckEdge(PluginNode plugin, PluginDependency dep, Dictionary<string, PluginNode> byName, List<Diagnostic> d)
    {
        if (!byName.TryGetValue(dep.Name, out var target))
        {
            d.Add(Error(DiagnosticCodes.DependencyMissing, dep, $"plugin '{plugin.Name}' depends on '{dep.Name}', which is not in this marketplace"));
            return;
        }
        if (string.IsNullOrWhiteSpace(dep.Constraint)) return;
        if (!VersionConstraint.TryParse(dep.Constraint, out var range))
        {
            d.Add(Error(DiagnosticCodes.DependencyConstraintInvalid, dep,
                $"version constraint '{dep.Constraint}' on '{dep.Name}' is not a semver range (use ^1.0.0, ~1.2.3, >=1.2 <2 or 1.2.3)"));
            return;
        }
        if (!SemanticVersion.TryParse(target.Version, out var version))
        {
            d.Add(Error(DiagnosticCodes.DependencyConstraintInvalid, dep,
                $"'{dep.Name}' has version '{target.Version ?? "(none)"}', which is not semver, so '{dep.Constraint}' cannot be checked"));
            return;
        }
        if (!range.IsSatisfiedBy(version))
            d.Add(Error(DiagnosticCodes.DependencyVersionUnsatisfied, dep,
                $"plugin '{plugin.Name}' needs '{dep.Name}' {dep.Constraint}, but the marketplace has {dep.Name} {version}"));
    }

    // Depth-first search; each cycle is reported once, at the dependency that starts it from its smallest name.
    private static IEnumerable<Diagnostic> FindCycles(IReadOnlyList<PluginNode> plugins, Dictionary<string, PluginNode> byName)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the stack, 2 = done
        var stack = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<Diagnostic>();

        void Visit(PluginNode node)
        {
            state[node.Name] = 1;
            stack.Add(node.Name);
            foreach (var dep in node.Dependencies)
            {
                if (!byName.TryGetValue(dep.Name, out var next)) continue;
                if (state.GetValueOrDefault(next.Name) == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(next.Name)).ToList();
                    var start = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
                    cycle = [.. cycle.Skip(start), .. cycle.Take(start)];
                    if (!reported.Add(string.Join("\u0001", cycle))) continue;
                    var first = byName[cycle[0]];
                    var edge = first.Dependencies.First(x => x.Name == (cycle.Count > 1 ? cycle[1] : cycle[0]));
                    found.Add(Error(DiagnosticCodes.DependencyCycle, edge,
                        $"dependency cycle: {string.Join(" -> ", cycle.Append(cycle[0]))}"));
                }
                else if (!state.ContainsKey(next.Name)) Visit(next);
            }
            stack.RemoveAt(stack.Count - 1);
            state[node.Name] = 2;
        }

        foreach (var p in plugins)
            if (!state.ContainsKey(p.Name) && byName[p.Name] == p) Visit(p);
        return found;
    }

    private static Diagnostic Error(string code, PluginDependency dep, string message) =>
        new(code, DiagnosticSeverity.Error, dep.File, dep.Line, dep.Column, message);
}
