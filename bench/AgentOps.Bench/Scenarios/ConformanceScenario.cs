using System.Diagnostics;
using AgentOps.Core.Validation;
using AgentOps.Tests.Conformance;

namespace AgentOps.Bench.Scenarios;

/// <summary>
/// Our validator against the real `claude plugin validate` on the generated conformance corpus (and
/// the real marketplaces of ../shared/marketplaces): the agreement table (files, CLI errors, our errors,
/// both, only CLI, only ours) from cached CLI verdicts, then the time of each validator on the same
/// files, the CLI timed without its cache on a deterministic sample (every n-th case).
/// Args: [--sample N] (default 60 CLI runs timed; 0 = all).
/// </summary>
public sealed class ConformanceScenario : IBenchScenario
{
    public string Name => "conformance";
    public string Description => "agreement with claude plugin validate on the mutation corpus, and the time of each validator";

    public int Run(string[] args)
    {
        var sample = args.Length >= 2 && args[0] == "--sample" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 60;
        var repo = RepoRoot();
        var binary = Path.Combine(repo, "node_modules", "@anthropic-ai", "claude-code-linux-x64", "claude");
        if (!File.Exists(binary))
        {
            Console.WriteLine($"the pinned Claude Code CLI is not installed ({binary}): run npm install --ignore-scripts --no-audit --no-fund");
            return 1;
        }
        var cache = Path.Combine(repo, "obj", "claude-validate-cache");
        var corpusDir = Path.Combine(Path.GetTempPath(), "aop-bench-conformance");
        var corpus = MutationCorpus.Generate().Select(c => (c.Id, c.ErrorClass, Folder: c.Materialize(corpusDir))).ToList();
        var real = RealMarketplaces(repo, corpusDir);

        foreach (var (title, folders) in new[] { ("generated corpus", corpus), ("real marketplaces", real) })
        {
            if (folders.Count == 0) continue;
            var runner = new ClaudeValidateRunner(binary, cache);
            var (cases, _, _) = ConformanceComparer.Compare(runner, folders);
            var table = AgreementTable.Of(cases, TimeSpan.Zero, TimeSpan.Zero);
            Console.WriteLine($"\n{title}: {cases.Count} folders ({runner.CacheHits} CLI verdicts from the cache, {runner.Runs} CLI runs)");
            Console.WriteLine(table);
            Console.WriteLine($"false negatives (CLI rejects, we accept): {cases.Count(c => c.FalseNegative)}; files the CLI rejects without an error of ours: {cases.Sum(c => c.FileFalseNegatives.Count())}");
            foreach (var g in cases.Where(c => !c.CliRejects && c.OursRejects).SelectMany(c => c.OnlyOurs.Select(d => d.Code).Distinct()).GroupBy(x => x).OrderBy(g => g.Key))
                Console.WriteLine($"  only ours: {g.Key} in {g.Count()} folder(s)");
        }

        // Time: ours on every generated folder, the CLI (no cache) on a sample of them.
        var watch = Stopwatch.StartNew();
        foreach (var f in corpus) FolderValidation.Validate(f.Folder);
        var ours = watch.Elapsed;
        var timed = sample <= 0 ? corpus : corpus.Where((_, i) => i % Math.Max(1, corpus.Count / sample) == 0).Take(sample).ToList();
        var fresh = new ClaudeValidateRunner(binary, Path.Combine(Path.GetTempPath(), "aop-bench-nocache"), parallelism: 1, readCache: false);
        watch.Restart();
        foreach (var f in timed) fresh.Validate(f.Folder);
        var cli = watch.Elapsed;
        Console.WriteLine($"\n{"validator",-34} {"folders",8} {"total s",9} {"ms/folder",10}");
        Console.WriteLine($"{"agentops (in process)",-34} {corpus.Count,8} {ours.TotalSeconds,9:0.00} {ours.TotalMilliseconds / corpus.Count,10:0.0}");
        Console.WriteLine($"{"claude plugin validate (1 process)",-34} {timed.Count,8} {cli.TotalSeconds,9:0.00} {cli.TotalMilliseconds / timed.Count,10:0.0}");
        Console.WriteLine($"ratio: the CLI takes {cli.TotalMilliseconds / timed.Count / Math.Max(0.001, ours.TotalMilliseconds / corpus.Count):0} x our time per folder");
        return 0;
    }

    private static List<(string, string, string)> RealMarketplaces(string repo, string corpusDir)
    {
        var shared = Path.GetFullPath(Path.Combine(repo, "..", "shared", "marketplaces"));
        if (!Directory.Exists(shared)) return [];
        return Directory.GetFiles(shared, "*.json").Order(StringComparer.Ordinal).Select(file =>
        {
            var folder = Path.Combine(corpusDir, "real", Path.GetFileNameWithoutExtension(file));
            Directory.CreateDirectory(Path.Combine(folder, ".claude-plugin"));
            File.Copy(file, Path.Combine(folder, ".claude-plugin", "marketplace.json"), overwrite: true);
            return (Path.GetFileNameWithoutExtension(file), "real marketplace", folder);
        }).ToList();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "global.json"))) return dir.FullName;
        throw new InvalidOperationException("repo root (global.json) not found");
    }
}
