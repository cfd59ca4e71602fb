using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Content;

/// <summary>
/// The shell scripts the plugins ship do what their commands rely on: hook scripts are harmless and
/// never fail; validation scripts flag known-bad input with `path:line: LEVEL rule` and pass good input.
/// </summary>
[TestClass]
public sealed class ScriptTests
{
    private static string Script(string plugin, string relative) => Path.Combine(ContentRepo.PluginDir(plugin), relative);

    [TestInitialize]
    public void RequireBash()
    {
        if (OperatingSystem.IsWindows()) Assert.Inconclusive("the plugins' scripts are bash; run on Linux or macOS");
    }

    [TestMethod]
    public void Core_hook_scripts_do_nothing_in_a_project_without_agentops()
    {
        using var temp = new TempDir();
        var env = new Dictionary<string, string?> { ["CLAUDE_PROJECT_DIR"] = temp.Path };
        foreach (var script in new[] { "scripts/session-start.sh", "scripts/pre-compact-snapshot.sh" })
        {
            var result = ScriptRunner.Bash(Script("agentops-core", script), temp.Path, env, """{"session_id":"s","hook_event_name":"SessionStart"}""");
            Assert.AreEqual(0, result.ExitCode, $"{script}: {result.All}");
            Assert.AreEqual("", result.StdOut, script);
            Assert.AreEqual(0, Directory.EnumerateFileSystemEntries(temp.Path).Count(), $"{script} created files in a project that did not opt in");
        }
    }

    [TestMethod]
    public void Session_start_reports_open_tasks_and_pre_compact_writes_the_snapshot()
    {
        using var temp = new TempDir();
        temp.Write(".agentops/work/add-login/plan.md", "# Plan\n");
        temp.Write(".agentops/work/fix-export/research.md", "# Research\n");
        var env = new Dictionary<string, string?> { ["CLAUDE_PROJECT_DIR"] = temp.Path };

        var start = ScriptRunner.Bash(Script("agentops-core", "scripts/session-start.sh"), temp.Path, env, "{}");
        Assert.AreEqual(0, start.ExitCode, start.All);
        StringAssert.Contains(start.StdOut, "task add-login: planned");
        StringAssert.Contains(start.StdOut, "task fix-export: researched");
        StringAssert.Contains(start.StdOut, "/agentops-core:status");

        var compact = ScriptRunner.Bash(Script("agentops-core", "scripts/pre-compact-snapshot.sh"), temp.Path, env, """{"trigger":"auto"}""");
        Assert.AreEqual(0, compact.ExitCode, compact.All);
        var bundle = File.ReadAllText(temp.File(".agentops/bundles/auto-precompact.md"));
        StringAssert.Contains(bundle, "bundle: auto-precompact");
        StringAssert.Contains(bundle, "- add-login");
        Assert.AreEqual(1, Directory.GetFiles(temp.File(".agentops/bundles")).Length, "the temp file was renamed, not left behind");
    }

    [TestMethod]
    public void DevOps_checks_flag_bad_input_and_pass_good_input()
    {
        using var temp = new TempDir();
        var badManifest = temp.Write("k8s/bad.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n");
        var goodManifest = temp.Write("k8s-good/web.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: nginx:1.27.2
                      securityContext:
                        allowPrivilegeEscalation: false
                      resources:
                        requests: {cpu: 100m}
                        limits: {memory: 128Mi}
                      readinessProbe: {httpGet: {path: /, port: 80}}
                      livenessProbe: {httpGet: {path: /, port: 80}}
            """);
        Expect(Run("agentops-devops", "validation/k8s-manifests.sh", temp, badManifest), 1, "ERROR image-tag");
        Expect(Run("agentops-devops", "validation/k8s-manifests.sh", temp, goodManifest), 0, "0 finding(s)");

        var badDockerfile = temp.Write("d/Dockerfile", "FROM node\nRUN curl -sL https://example.com/x.sh | bash\nCMD node server.js\n");
        temp.Write("ok/.dockerignore", ".git\n");
        var goodDockerfile = temp.Write("ok/Dockerfile", "FROM node:22-slim AS build\nWORKDIR /app\nCOPY . .\nFROM node:22-slim\nCOPY --from=build /app /app\nUSER 10001\nCMD [\"node\", \"/app/server.js\"]\n");
        Expect(Run("agentops-devops", "validation/dockerfile-check.sh", temp, badDockerfile), 1, $"{badDockerfile}:2: ERROR pipe-to-shell");
        if (!OnPath("hadolint")) Expect(Run("agentops-devops", "validation/dockerfile-check.sh", temp, goodDockerfile), 0, "0 finding(s)");

        var workflow = temp.Write("wf/ci.yml", "on: [push]\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: someone/action@main\n      - run: echo ${{ secrets.TOKEN }}\n");
        var result = Run("agentops-devops", "validation/ci-workflow-check.sh", temp, workflow);
        Expect(result, 1, $"{workflow}:6: ERROR pinning");
        StringAssert.Contains(result.StdOut, $"{workflow}:7: ERROR secret-echo");

        var tf = temp.Write("tf/main.tf", "resource \"aws_db_instance\" \"db\" {\n  password = \"hunter22\"\n}\n");
        Expect(Run("agentops-devops", "validation/terraform-check.sh", temp, Path.GetDirectoryName(tf)!), 1, $"{tf}:2: ERROR secret");
    }

    [TestMethod]
    public void Product_dev_checks_flag_bad_input_and_pass_good_input()
    {
        using var temp = new TempDir();
        var migration = temp.Write("m/001.sql", "ALTER TABLE orders ADD COLUMN status text NOT NULL;\nCREATE INDEX CONCURRENTLY idx_a ON orders(a);\nALTER TABLE orders DROP COLUMN legacy;\n");
        var result = Run("agentops-product-dev", "validation/migration-check.sh", temp, migration);
        Expect(result, 1, $"{migration}:1: WARN not-null");
        StringAssert.Contains(result.StdOut, $"{migration}:3: ERROR drop-column");
        Assert.IsFalse(result.StdOut.Contains("index-lock", StringComparison.Ordinal), "CREATE INDEX CONCURRENTLY is the safe form");
        var safe = temp.Write("m2/002.sql", "ALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY idx_note ON orders(note);\n");
        Expect(Run("agentops-product-dev", "validation/migration-check.sh", temp, safe), 0, "0 finding(s)");

        var test = temp.Write("t/a.test.ts", "it.only('x', () => {});\nawait page.waitForTimeout(500);\n");
        result = Run("agentops-product-dev", "validation/test-quality-check.sh", temp, test);
        Expect(result, 1, $"{test}:1: ERROR focused");
        StringAssert.Contains(result.StdOut, $"{test}:2: WARN sleep");
        var clean = temp.Write("t2/b.test.ts", "it('adds', () => { expect(add(1, 2)).toBe(3); });\n");
        Expect(Run("agentops-product-dev", "validation/test-quality-check.sh", temp, clean), 0, "0 finding(s)");

        var spec = temp.Write("api/openapi.yaml", "openapi: 3.1.0\npaths:\n  /orders:\n    get:\n      responses:\n        \"200\": {description: ok}\n");
        Expect(Run("agentops-product-dev", "validation/openapi-check.sh", temp, spec), 1, "WARN operation-id");
    }

    [TestMethod]
    public void Validation_scripts_reject_missing_arguments_with_exit_2()
    {
        using var temp = new TempDir();
        foreach (var (plugin, script) in new[] { ("agentops-devops", "validation/k8s-manifests.sh"), ("agentops-devops", "validation/dockerfile-check.sh"),
                     ("agentops-devops", "validation/terraform-check.sh"), ("agentops-product-dev", "validation/migration-check.sh"),
                     ("agentops-product-dev", "validation/test-quality-check.sh"), ("agentops-product-dev", "validation/openapi-check.sh") })
        {
            var result = ScriptRunner.Bash(Script(plugin, script), temp.Path);
            Assert.AreEqual(2, result.ExitCode, $"{script}: {result.All}");
            StringAssert.Contains(result.StdErr, "usage:", script);
        }
    }

    private static Build.ProcessRunner.Output Run(string plugin, string script, TempDir temp, params string[] args) =>
        ScriptRunner.Bash(Script(plugin, script), temp.Path, null, null, args);

    private static void Expect(Build.ProcessRunner.Output result, int exitCode, string text)
    {
        Assert.AreEqual(exitCode, result.ExitCode, result.All);
        StringAssert.Contains(result.StdOut, text, result.All);
    }

    private static bool OnPath(string tool) =>
        ScriptRunner.SystemPath.Split(':').Any(d => File.Exists(Path.Combine(d, tool)));
}
