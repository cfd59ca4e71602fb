using System.Text.RegularExpressions;

namespace AgentOps.Core.Validation;

/// <summary>
/// Names Claude Code accepts but Windows cannot use as a folder name: the device names (CON, PRN, AUX, NUL,
/// COM0–9, LPT0–9, in any case, alone or before an extension: "con.plugin" is the console too) and a name ending
/// in '.' (Windows drops it, so "tool." and "tool" are the same folder). A marketplace is shared by every platform,
/// and Claude Code makes one folder per plugin name when it installs.
/// </summary>
public static partial class WindowsNames
{
    /// <summary>Why <paramref name="name"/> cannot be a folder on Windows, or null when it can.</summary>
    public static string? Problem(string name) =>
        DeviceName().IsMatch(name) ? $"'{name}' is a Windows device name ({name.Split('.')[0].ToUpperInvariant()}): no folder of that name can be made on Windows"
        : name.EndsWith('.') ? $"'{name}' ends with '.', which Windows drops from folder names"
        : null;

    [GeneratedRegex(@"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeviceName();
}
