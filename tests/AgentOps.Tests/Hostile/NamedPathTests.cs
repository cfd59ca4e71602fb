using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Hostile;

/// <summary>
/// Paths a user names on the command line that are not what the verb expects: a FIFO (opening it for
/// reading blocks until a writer comes: learn, learn-from, validate-pattern and analyze-plugins --db hung
/// on one), a device, a folder, a symbolic link loop (learn-from printed a stack trace), and a file that is
/// not a catalog named as --db (it was deleted and replaced by a catalog). Each gets one clear line and an
/// exit code; nothing the user owns is deleted.
/// </summary>
[TestClass]
[TestCategory("Hostile")]
public sealed class NamedPathTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static (int Exit, string Out, string Err) Run(TempDir tmp, params string[] args) => HostileFiles.Agentops(tmp.Path, Deadline, args);

    private static void AssertCleanFailure((int Exit, string Out, string Err) r, int exit, string expected)
    {
        Assert.AreEqual(exit, r.Exit, r.Out + r.Err);
        StringAssert.Contains(r.Err, expected, r.Err);
        Assert.IsFalse(r.Err.Contains("Unhandled", StringComparison.Ordinal) || r.Err.Contains("   at ", StringComparison.Ordinal), r.Err);
    }

    [TestMethod]
    public void A_fifo_named_as_an_execution_or_a_pattern_is_refused_without_opening_it()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("mkfifo is Linux here");
        using var tmp = new TempDir();
        foreach (var name in new[] { "session.json", "session.jsonl", "pattern.md" }) HostileFiles.Mkfifo(tmp.File(name));
        AssertCleanFailure(Run(tmp, "learn-from", "session.json"), 1, "AOP0915");
        AssertCleanFailure(Run(tmp, "learn-from", "session.jsonl"), 1, "named pipe");
        AssertCleanFailure(Run(tmp, "learn", "session.json"), 1, "AOP0915");
        AssertCleanFailure(Run(tmp, "extract", "session.jsonl"), 1, "named pipe");
        var pattern = Run(tmp, "validate-pattern", "pattern.md");
        Assert.AreEqual(1, pattern.Exit, pattern.Out + pattern.Err);
        StringAssert.Contains(pattern.Out, "not a regular file");
    }

    [TestMethod]
    public void A_hook_log_naming_a_fifo_as_its_transcript_is_learned_from_its_own_events()
    {
        // The transcript_path of a hook payload is read too: a FIFO there blocked the read forever.
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("mkfifo is Linux here");
        using var tmp = new TempDir();
        HostileFiles.Mkfifo(tmp.File("transcript.jsonl"));
        var transcript = System.Text.Json.JsonSerializer.Serialize(tmp.File("transcript.jsonl"));
        var log = tmp.Write("s1.jsonl", string.Join("\n",
            $$"""{"hook_event_name":"UserPromptSubmit","session_id":"s1","transcript_path":{{transcript}},"prompt":"fix the parser"}""",
            $$"""{"hook_event_name":"SessionEnd","session_id":"s1","transcript_path":{{transcript}},"reason":"exit"}""") + "\n");
        var load = Task.Run(() => AgentOps.Orchestration.Learning.ExecutionSources.LoadFile(log));
        Assert.IsTrue(load.Wait(TimeSpan.FromSeconds(20)), "reading the hook log blocked on the FIFO named as its transcript");
        Assert.IsNotNull(load.Result.Execution, string.Join("; ", load.Result.Warnings));
        Assert.AreEqual("fix the parser", load.Result.Execution.Task);
    }

    [TestMethod]
    public void A_device_and_a_symlink_loop_are_refused_with_a_reason()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("/dev/zero and symlink loops as on Linux");
        using var tmp = new TempDir();
        File.CreateSymbolicLink(tmp.File("a.jsonl"), tmp.File("b.jsonl"));
        File.CreateSymbolicLink(tmp.File("b.jsonl"), tmp.File("a.jsonl"));
        AssertCleanFailure(Run(tmp, "learn-from", "a.jsonl"), 1, "symbolic link loop");
        AssertCleanFailure(Run(tmp, "learn", "/dev/zero"), 1, "character device");
        AssertCleanFailure(Run(tmp, "analyze-plugins", "deploy to kubernetes", "--db", "a.jsonl"), 2, "not a database file");
    }

    [TestMethod]
    public void A_folder_or_fifo_given_as_the_catalog_database_is_a_usage_error()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("mkfifo is Linux here");
        using var tmp = new TempDir();
        Directory.CreateDirectory(tmp.File("folder"));
        HostileFiles.Mkfifo(tmp.File("pipe.db"));
        AssertCleanFailure(Run(tmp, "analyze-plugins", "deploy to kubernetes", "--db", "folder"), 2, "a folder, not a database file");
        AssertCleanFailure(Run(tmp, "plan", "deploy to kubernetes", "--db", "pipe.db"), 2, "named pipe");
        AssertCleanFailure(Run(tmp, "catalog", "--no-embeddings", "--db", "pipe.db"), 2, "named pipe");
    }

    [TestMethod]
    public void A_file_that_is_not_a_catalog_named_as_db_is_kept_beside_not_deleted()
    {
        using var tmp = new TempDir();
        var notes = tmp.File("notes.txt");
        var text = "my notes, certainly not a SQLite database; long enough to fill a database header............................\n";
        File.WriteAllText(notes, text);
        var r = Run(tmp, "analyze-plugins", "deploy to kubernetes", "--db", "notes.txt", "--json");
        Assert.AreEqual(0, r.Exit, r.Err);
        StringAssert.Contains(r.Out + r.Err, "AOP1030");
        var kept = Directory.GetFiles(tmp.Path, "notes.txt.not-a-catalog-*");
        Assert.AreEqual(1, kept.Length, string.Join(", ", Directory.GetFiles(tmp.Path)));
        Assert.AreEqual(text, File.ReadAllText(kept[0]));
    }

    [TestMethod]
    public void A_binary_file_named_to_learn_from_names_the_verdict_without_listing_every_line()
    {
        using var tmp = new TempDir();
        var bytes = new byte[3000];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(tmp.File("noise.jsonl"), bytes);
        var r = Run(tmp, "learn-from", "noise.jsonl");
        AssertCleanFailure(r, 1, "not a Claude Code transcript");
        Assert.IsTrue(r.Err.Length < 1000, $"{r.Err.Length} characters: {r.Err}");
    }

    [TestMethod]
    public void Import_of_a_plugin_holding_a_fifo_copies_the_rest_and_says_what_it_left()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("mkfifo is Linux here");
        using var tmp = new TempDir();
        var market = tmp.File("market");
        HostileFiles.Plugin(market, "alpha");
        Directory.CreateDirectory(Path.Combine(market, ".claude-plugin"));
        File.WriteAllText(Path.Combine(market, ".claude-plugin", "marketplace.json"),
            "{ \"name\": \"m\", \"owner\": { \"name\": \"x\" }, \"plugins\": [ { \"name\": \"alpha\", \"source\": \"./alpha\" } ] }");
        HostileFiles.Mkfifo(Path.Combine(market, "alpha", "commands", "pipe.md"));
        var r = Run(tmp, "import", "market", "--output", "out");
        Assert.AreEqual(0, r.Exit, r.Out + r.Err);
        StringAssert.Contains(r.Out, "pipe.md: a named pipe (FIFO), not a regular file: not copied");
        Assert.IsTrue(File.Exists(tmp.File("out/alpha/commands/ok.md")), "the regular files are copied");
        Assert.IsFalse(Path.Exists(tmp.File("out/alpha/commands/pipe.md")));
    }
}
