using System.Text.RegularExpressions;
using AgentOps.Core.Diagnostics;
using AgentOps.Core.Json;
using Newtonsoft.Json.Linq;

namespace AgentOps.Core.Validation;

/// <summary>
/// Checks hooks: a hooks file (<c>{"hooks": {Event: [{matcher?, hooks: [...]}]}}</c>) or the inline event
/// map in plugin.json (no wrapper there, as the CLI expects). Structure comes from hooks.schema.json;
/// this adds what a schema cannot say: event names, scripts that exist and run, quoting.
/// </summary>
public static partial class HooksValidator
{
    // The CLI's own list (2.1.331), in its order; HookEventsTests reads the binary and fails when it changes.
    public static readonly IReadOnlySet<string> KnownEvents = new HashSet<string>(StringComparer.Ordinal)
    {
        "PreToolUse", "PostToolUse", "PostToolUseFailure", "PostToolBatch", "Notification", "UserPromptSubmit",
        "UserPromptExpansion", "SessionStart", "SessionEnd", "Stop", "StopFailure", "SubagentStart", "SubagentStop",
        "PreCompact", "PostCompact", "PreModelSwitch", "PostModelSwitch", "PermissionRequest", "PermissionDenied",
        "Setup", "TeammateIdle", "TaskCreated", "TaskCompleted", "Elicitation", "ElicitationResult", "ConfigChange",
        "WorktreeCreate", "WorktreeRemove", "InstructionsLoaded", "CwdChanged", "FileChanged", "DirectoryAdded",
        "MessageDisplay",
    };

    /// <summary>Validates a hooks file such as hooks/hooks.json.</summary>
    public static IReadOnlyList<Diagnostic> ValidateFile(string pluginDirectory, string hooksFile)
    {
        if (JsonFile.Load(hooksFile, out var problem) is not { } root) return [problem!];
        if (root is JObject obj && obj["hooks"] is null && obj.Properties().FirstOrDefault(p => KnownEvents.Contains(p.Name)) is { } bare)
            return [JsonFile.At(bare, DiagnosticCodes.HooksNotWrapped, DiagnosticSeverity.Error, hooksFile,
                $"event '{bare.Name}' is declared at the top level: wrap the events in {{\"hooks\": {{...}}}}")];
        var diagnostics = new List<Diagnostic>(ManifestSchemas.Validate(ManifestKind.Hooks, hooksFile, root));
        if (root is JObject { } rootObject && rootObject["hooks"] is JObject events)
        {
            HookEntryRules.CheckEventMap(hooksFile, events, diagnostics);
            CheckEvents(pluginDirectory, hooksFile, events, diagnostics);
        }
        return diagnostics;
    }

    /// <summary>Validates the inline event map of plugin.json's "hooks" field.</summary>
    public static IReadOnlyList<Diagnostic> ValidateInline(string pluginDirectory, string manifestFile, JObject events)
    {
        // A "hooks" wrapper inside plugin.json is read as an unknown event: ignored, unless it holds
        // PreToolUse/PermissionRequest hooks, which Claude Code then refuses to drop silently.
        if (events.Property("hooks") is { } wrapper)
        {
            var guards = wrapper.Value is JObject inner && inner.Properties().Any(p => HookEntryRules.GuardEvents.Contains(p.Name) && p.Value is JArray { Count: > 0 });
            return [JsonFile.At(wrapper, DiagnosticCodes.HooksNotWrapped, guards ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, manifestFile,
                "inline hooks in plugin.json are the event map itself: remove the inner \"hooks\" wrapper" +
                (guards ? " (it holds PreToolUse/PermissionRequest hooks, so Claude Code refuses the plugin)" : " (Claude Code ignores what it holds)"))];
        }
        var diagnostics = new List<Diagnostic>();
        HookEntryRules.CheckEventMap(manifestFile, events, diagnostics);
        CheckEvents(pluginDirectory, manifestFile, events, diagnostics);
        return diagnostics;
    }

    private static void CheckEvents(string pluginDirectory, string file, JObject events, List<Diagnostic> d)
    {
        foreach (var evt in events.Properties())
        {
            if (!KnownEvents.Contains(evt.Name))
                d.Add(JsonFile.At(evt, DiagnosticCodes.HookUnknownEvent, DiagnosticSeverity.Warning, file,
                    $"unknown hook event '{evt.Name}'; Claude Code ignores this entry"));
            if (evt.Value is not JArray matchers) continue;
            foreach (var hook in matchers.OfType<JObject>().Select(m => m["hooks"]).OfType<JArray>().SelectMany(h => h.OfType<JObject>()))
                CheckHook(pluginDirectory, file, hook, d);
        }
    }

    private static void CheckHook(string pluginDirectory, string file, JObject hook, List<Diagnostic> d)
    {
        if ((hook["type"] as JValue)?.Value as string != "command") return;
        if (hook["command"] is not JValue { Type: JTokenType.String } commandToken) return; // HookEntryRules reports it
        var command = (string)commandToken!;
        d.AddRange(UnsafeText.CheckCommand(commandToken, file, "the hook command"));
        d.AddRange(HookCommandRisk.CheckCommand(commandToken, file));
        var execForm = hook["args"] is JArray; // exec form passes arguments without a shell: no quoting problem
        foreach (Match m in PluginRootReference().Matches(command))
        {
            if (!execForm && !IsInsideDoubleQuotes(command, m.Index))
                d.Add(JsonFile.At(commandToken, DiagnosticCodes.HookPluginRootUnquoted, DiagnosticSeverity.Warning, file,
                    "${CLAUDE_PLUGIN_ROOT} is not quoted: a path with a space splits the command; write \"${CLAUDE_PLUGIN_ROOT}/...\""));
            var firstWordStart = command.TakeWhile(c => c is ' ' or '\t' or '"').Count();
            CheckScript(pluginDirectory, file, commandToken, m, isFirstWord: m.Index == firstWordStart, d);
        }
    }

    private static void CheckScript(string pluginDirectory, string file, JToken at, Match m, bool isFirstWord, List<Diagnostic> d)
    {
        var relative = m.Groups["rest"].Value.TrimStart('/');
        if (relative.Length == 0) return;
        var script = Path.Combine(pluginDirectory, relative);
        // `${CLAUDE_PLUGIN_ROOT}/../../x` runs a file of whatever folder the installed plugin lands in, never one it ships.
        if (!PathUtil.IsUnder(script, pluginDirectory))
        {
            d.Add(JsonFile.At(at, DiagnosticCodes.HookScriptMissing, DiagnosticSeverity.Warning, file,
                $"the hook runs ${{CLAUDE_PLUGIN_ROOT}}/{relative}, which climbs out of the plugin: an installed plugin does not have it"));
            return;
        }
        if (!File.Exists(script) && !Directory.Exists(script))
        {
            d.Add(JsonFile.At(at, DiagnosticCodes.HookScriptMissing, DiagnosticSeverity.Warning, file,
                $"the hook runs ${{CLAUDE_PLUGIN_ROOT}}/{relative}, which is not in the plugin"));
            return;
        }
        if (File.Exists(script) && PathUtil.IsUnder(script, pluginDirectory)) d.AddRange(HookCommandRisk.CheckScript(script));
        // Only a script run directly needs the executable bit; `bash "${CLAUDE_PLUGIN_ROOT}/x.sh"` does not.
        if (isFirstWord && !OperatingSystem.IsWindows() && File.Exists(script)
            && (File.GetUnixFileMode(script) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) == 0)
            d.Add(JsonFile.At(at, DiagnosticCodes.HookScriptNotExecutable, DiagnosticSeverity.Warning, file,
                $"the hook runs ${{CLAUDE_PLUGIN_ROOT}}/{relative} directly but it is not executable (chmod +x, and commit the mode)"));
    }

    private static bool IsInsideDoubleQuotes(string command, int index)
    {
        var quotes = 0;
        for (var i = 0; i < index; i++)
            if (command[i] == '"' && (i == 0 || command[i - 1] != '\\')) quotes++;
        return quotes % 2 == 1;
    }

    // "${CLAUDE_PLUGIN_ROOT}/x.sh", "${CLAUDE_PLUGIN_ROOT}"/x.sh (the form the docs recommend) and $CLAUDE_PLUGIN_ROOT/x.sh.
    [GeneratedRegex(@"\$(\{CLAUDE_PLUGIN_ROOT\}|CLAUDE_PLUGIN_ROOT\b)""?(?<rest>/[^\s""'`;|&<>()]*)?")]
    private static partial Regex PluginRootReference();
}
