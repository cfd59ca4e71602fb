using Spectre.Console;

namespace AgentOps.Cli.Commands;

/// <summary>
/// Where tables and marked-up lines go. Spectre.Console assumes 80 columns when output is not a terminal and wraps
/// cells mid-word; piped output should keep whole lines (scripts grep them) and COLUMNS, when set, wins everywhere.
/// Created per use so a test that redirects Console.Out sees the output.
/// </summary>
internal static class TerminalOutput
{
    /// <summary>Wide enough that no table of ours wraps when piped.</summary>
    public const int PipedWidth = 1000;

    public static IAnsiConsole Current
    {
        get
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
            console.Profile.Width = Width(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("COLUMNS"), console.Profile.Width);
            return console;
        }
    }

    public static int Width(bool redirected, string? columns, int terminalWidth) =>
        int.TryParse(columns, out var n) && n >= 20 ? n : redirected ? PipedWidth : terminalWidth;
}
