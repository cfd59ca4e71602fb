using System.Globalization;
using System.Text;
using AgentOps.Core.Patterns;

namespace AgentOps.Bench.LearningCurve;

/// <summary>A line chart of success over family executions, one line per planner, written as plain SVG.</summary>
public static class SvgChart
{
    private const int Width = 720, Height = 420, Left = 60, Right = 150, Top = 40, Bottom = 50;

    private static readonly IReadOnlyDictionary<string, string> Colors = new Dictionary<string, string>
    {
        [CurvePlannerNames.Learning] = "#1f77b4",
        [CurvePlannerNames.NoMemory] = "#d62728",
        [CurvePlannerNames.Oracle] = "#2ca02c",
    };

    public static string Render(CurveStatistics s, string title)
    {
        var inv = CultureInfo.InvariantCulture;
        var n = s.Executions;
        double X(double k) => Left + (n <= 1 ? 0 : (k - 1) / (n - 1)) * (Width - Left - Right);
        double Y(double v) => Top + (1 - v) * (Height - Top - Bottom);
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">");
        sb.AppendLine(inv, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>");
        sb.AppendLine(inv, $"<text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"14\">{Escape(title)}</text>");
        for (var v = 0.0; v <= 1.0001; v += 0.1)
        {
            sb.AppendLine(inv, $"<line x1=\"{Left}\" y1=\"{Y(v):0.#}\" x2=\"{Width - Right}\" y2=\"{Y(v):0.#}\" stroke=\"#e5e5e5\"/>");
            sb.AppendLine(inv, $"<text x=\"{Left - 8}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">{v:0.0}</text>");
        }
        for (var k = 1; k <= n; k++)
        {
            sb.AppendLine(inv, $"<line x1=\"{X(k):0.#}\" y1=\"{Height - Bottom}\" x2=\"{X(k):0.#}\" y2=\"{Height - Bottom + 4}\" stroke=\"#333\"/>");
            sb.AppendLine(inv, $"<text x=\"{X(k):0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{k}</text>");
        }
        sb.AppendLine(inv, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>");
        sb.AppendLine(inv, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>");
        sb.AppendLine(inv, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 12}\" text-anchor=\"middle\">execution of the task family (k)</text>");
        sb.AppendLine(inv, $"<text x=\"16\" y=\"{(Top + Height - Bottom) / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {(Top + Height - Bottom) / 2})\">success probability</text>");
        // The goal line: 90 % of the oracle's mean success.
        var goal = CurveStatistics.WithinOracle * s.Curve(CurvePlannerNames.Oracle).Average();
        sb.AppendLine(inv, $"<line x1=\"{Left}\" y1=\"{Y(goal):0.#}\" x2=\"{Width - Right}\" y2=\"{Y(goal):0.#}\" stroke=\"#2ca02c\" stroke-dasharray=\"5,4\"/>");
        sb.AppendLine(inv, $"<text x=\"{Width - Right + 15}\" y=\"{Y(goal) + 4:0.#}\" fill=\"#2ca02c\">90 % of oracle</text>");
        var legendY = Height - Bottom - 70;
        foreach (var planner in CurvePlannerNames.All)
        {
            var c = s.Curve(planner);
            var points = string.Join(" ", c.Select((v, i) => string.Create(inv, $"{X(i + 1):0.#},{Y(v):0.#}")));
            sb.AppendLine(inv, $"<polyline fill=\"none\" stroke=\"{Colors[planner]}\" stroke-width=\"2.5\" points=\"{points}\"/>");
            foreach (var (v, i) in c.Select((v, i) => (v, i)))
                sb.AppendLine(inv, $"<circle cx=\"{X(i + 1):0.#}\" cy=\"{Y(v):0.#}\" r=\"3\" fill=\"{Colors[planner]}\"><title>{planner} k={i + 1}: {v:0.000}</title></circle>");
            sb.AppendLine(inv, $"<line x1=\"{Width - Right + 15}\" y1=\"{legendY}\" x2=\"{Width - Right + 40}\" y2=\"{legendY}\" stroke=\"{Colors[planner]}\" stroke-width=\"2.5\"/>");
            sb.AppendLine(inv, $"<text x=\"{Width - Right + 46}\" y=\"{legendY + 4}\">{planner}</text>");
            legendY += 20;
        }
        sb.AppendLine("</svg>");
        return sb.ToString();
    }

    public static void Write(string path, CurveStatistics s, string title) => AtomicFile.WriteAllText(path, Render(s, title));

    private static string Escape(string t) => t.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
