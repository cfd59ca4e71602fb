using Newtonsoft.Json.Linq;

namespace AgentOps.Tests.Conformance;

/// <summary>The valid plugin and marketplace every mutation starts from (both tools accept them).</summary>
public static class ConformanceFixtures
{
    public const string PluginName = "alpha";
    public const string PluginFolder = "plugins/alpha/";
    public const string MarketplaceJson = ".claude-plugin/marketplace.json";

    private const string Readme =
        "# Alpha\n\nAlpha is a small plugin used by the conformance tests of the AgentOps marketplace tooling. It ships one command, " +
        "one agent, one skill and one hook, so that every kind of component Claude Code validates is present. Install it from the " +
        "conformance marketplace, then run /hello to see the command, or ask for a review to see the agent at work.\n";

    /// <summary>A complete plugin under <paramref name="prefix"/> ("" for a plugin folder, "plugins/alpha/" in a marketplace).</summary>
    public static void Plugin(CaseFiles f, string prefix = "")
    {
        f.Json(prefix + ".claude-plugin/plugin.json", JObject.Parse("""
            {
              "name": "alpha",
              "version": "1.0.0",
              "description": "Alpha plugin for the conformance tests",
              "author": { "name": "Dev", "email": "dev@example.com" },
              "license": "MIT",
              "keywords": ["test", "conformance"]
            }
            """));
        f.Text(prefix + "README.md", Readme);
        f.Text(prefix + "LICENSE", "MIT License\n\nCopyright (c) 2026 Dev\n");
        f.Text(prefix + "commands/hello.md", "---\ndescription: Say hello to someone\nallowed-tools: Read, Bash(git:*)\n---\nSay hello to $ARGUMENTS.\n");
        f.Text(prefix + "agents/reviewer.md", "---\nname: reviewer\ndescription: Reviews code changes for defects\ntools: Read, Grep, Glob\nmodel: sonnet\n---\nYou review code changes and report defects.\n");
        f.Text(prefix + "skills/skill-one/SKILL.md", "---\nname: skill-one\ndescription: Does one thing well when asked\n---\n# Skill one\n\nDo the one thing.\n");
        f.Json(prefix + "hooks/hooks.json", JObject.Parse("""
            {
              "hooks": {
                "PreToolUse": [
                  { "matcher": "Bash", "hooks": [ { "type": "command", "command": "\"${CLAUDE_PLUGIN_ROOT}/scripts/check.sh\"", "timeout": 10 } ] }
                ]
              }
            }
            """));
        f.Text(prefix + "scripts/check.sh", "#!/bin/sh\nexit 0\n");
        f.Executable(prefix + "scripts/check.sh");
    }

    /// <summary>A marketplace with the local plugin alpha and a pinned remote github plugin.</summary>
    public static void Marketplace(CaseFiles f)
    {
        f.Json(MarketplaceJson, JObject.Parse("""
            {
              "name": "conformance-market",
              "owner": { "name": "Dev", "email": "dev@example.com" },
              "description": "A marketplace for the conformance tests",
              "plugins": [
                { "name": "alpha", "source": "./plugins/alpha", "description": "Alpha plugin for the conformance tests", "version": "1.0.0" },
                {
                  "name": "remote-beta",
                  "source": { "source": "github", "repo": "example/beta", "sha": "0123456789abcdef0123456789abcdef01234567" },
                  "description": "Remote beta plugin for the conformance tests"
                }
              ]
            }
            """));
        Plugin(f, PluginFolder);
    }

    /// <summary>Sets (or, for null, removes) a property.</summary>
    public static void Set(JObject o, string key, string? jsonLiteral)
    {
        if (jsonLiteral is null) o.Remove(key);
        else o[key] = JToken.Parse(jsonLiteral);
    }
}
