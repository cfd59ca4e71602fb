using AgentOps.Core.Diagnostics;

namespace AgentOps.Orchestration.Catalog.Ranking;

/// <summary>
/// Everything a plugin needs installed with it, in install order (dependencies first). A bare
/// dependency name resolves in the plugin's own marketplace first, then anywhere; <c>name@marketplace</c>
/// resolves exactly. Missing dependencies are listed and reported (AOP1053); a cycle stops the walk at
/// the repeated plugin and is reported (AOP1054), never looping.
/// </summary>
public static class DependencyClosure
{
    public sealed record Closure(IReadOnlyList<string> InstallOrder, IReadOnlyList<string> Missing, IReadOnlyList<Diagnostic> Diagnostics);

    public static Closure Compute(CatalogStore store, CatalogPlugin root)
    {
        var order = new List<string>();
        var missing = new List<string>();
        var diagnostics = new List<Diagnostic>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var onPath = new List<string>();

        void Visit(CatalogPlugin p)
        {
            if (done.Contains(p.Id)) return;
            if (onPath.Contains(p.Id))
            {
                var cycle = onPath.SkipWhile(x => x != p.Id).Append(p.Id);
                diagnostics.Add(new Diagnostic(DiagnosticCodes.ClosureDependencyCycle, DiagnosticSeverity.Warning, p.Folder ?? p.Id, 0, 0,
                    "dependency cycle: " + string.Join(" -> ", cycle)));
                return;
            }
            onPath.Add(p.Id);
            foreach (var dep in p.Dependencies)
            {
                var resolved = Resolve(store, dep, p.Marketplace);
                if (resolved is null)
                {
                    if (!missing.Contains(dep))
                    {
                        missing.Add(dep);
                        diagnostics.Add(new Diagnostic(DiagnosticCodes.ClosureDependencyMissing, DiagnosticSeverity.Warning, p.Folder ?? p.Id, 0, 0,
                            $"{p.Id} depends on '{dep}', which is not in the catalog"));
                    }
                    continue;
                }
                Visit(resolved);
            }
            onPath.RemoveAt(onPath.Count - 1);
            done.Add(p.Id);
            if (p.Id != root.Id) order.Add(p.Id);
        }

        Visit(root);
        return new Closure(order, missing, diagnostics);
    }

    public static CatalogPlugin? Resolve(CatalogStore store, string dependency, string marketplace)
    {
        var at = dependency.IndexOf('@');
        var name = at > 0 ? dependency[..at] : dependency;
        var wanted = at > 0 ? dependency[(at + 1)..] : marketplace;
        var found = store.FindByName(name);
        return (found.FirstOrDefault(f => f.Plugin.Marketplace == wanted) ?? (at > 0 ? null : found.FirstOrDefault()))?.Plugin;
    }
}
