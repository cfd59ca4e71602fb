using System.Text;
using AgentOps.Core.Validation;
using AgentOps.Tests.EndToEnd;

namespace AgentOps.Tests.Conformance;

/// <summary>Our list of hook events is the pinned CLI's own: read from the binary (the bundled JS holds
/// the array of every event name), so a CLI upgrade that adds one fails here instead of in users' builds.</summary>
[TestClass]
[TestCategory("ClaudeCli")]
public sealed class HookEventsTests
{
    // The longest array literal starting with these names is the full event list in 2.1.331.
    private static readonly byte[] Start = Encoding.ASCII.GetBytes("[\"PreToolUse\",\"PostToolUse\",\"PostToolUseFailure\",\"PostToolBatch\",");

    [TestMethod]
    public void KnownEventsAreTheCliEvents()
    {
        if (!ClaudeSession.IsInstalled) { Assert.Inconclusive("the pinned Claude Code CLI is not installed (npm ci)"); return; }
        var lists = ArraysIn(ClaudeSession.BinaryPath);
        Assert.IsTrue(lists.Count > 0, "no event list found in the CLI binary");
        var cli = lists.MaxBy(l => l.Count)!;
        CollectionAssert.AreEquivalent(cli.ToList(), HooksValidator.KnownEvents.ToList(),
            $"CLI: {string.Join(", ", cli)}");
    }

    private static List<IReadOnlyList<string>> ArraysIn(string binary)
    {
        var found = new List<IReadOnlyList<string>>();
        using var stream = File.OpenRead(binary);
        var buffer = new byte[8 << 20];
        int carry = 0, read;
        while ((read = stream.Read(buffer, carry, buffer.Length - carry)) > 0)
        {
            var length = carry + read;
            var span = buffer.AsSpan(0, length);
            for (var at = span.IndexOf(Start); at >= 0; )
            {
                var end = span[at..].IndexOf((byte)']');
                if (end < 0) break;
                var text = Encoding.ASCII.GetString(span.Slice(at + 1, end - 1));
                found.Add(text.Split(',').Select(s => s.Trim('"')).ToList());
                var next = span[(at + end)..].IndexOf(Start);
                at = next < 0 ? -1 : at + end + next;
            }
            // Keep a tail so an array cut by the buffer's end is seen whole in the next round.
            carry = Math.Min(4096, length);
            buffer.AsSpan(length - carry, carry).CopyTo(buffer);
        }
        return found;
    }
}
