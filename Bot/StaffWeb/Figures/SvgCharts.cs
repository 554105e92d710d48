using System.Globalization;
using System.Text;
using OneStopBot.Office.Statistics;
using static OneStopBot.Bot.Hosting.HtmlText;

namespace OneStopBot.Bot.StaffWeb.Figures;

/// <summary>One bar group of a chart: its label (a month) and its values (null: nothing to show).</summary>
public sealed record ChartPoint(string Label, IReadOnlyList<decimal?> Values);

/// <summary>
/// Charts drawn on the server as inline SVG: no script and nothing from the internet, sharp when printed, readable by a
/// screen reader through their title and the table that follows each of them.
/// </summary>
public static class SvgCharts
{
    private const int Width = 420, Height = 200, Left = 44, Right = 6, Top = 14, Bottom = 26;

    /// <summary>Bars per point, one colour class per series (<c>series-0</c>, <c>series-1</c>…), against a scale from 0.</summary>
    public static string Bars(string title, IReadOnlyList<ChartPoint> points, IReadOnlyList<string> series)
    {
        var max = points.SelectMany(p => p.Values).Max() ?? 0;
        var top = max <= 0 ? 1 : NiceCeiling(max);
        var svg = Start(title);
        Grid(svg, top, percent: false);
        Draw(svg, points, top, goal: null);
        svg.Append("</svg>");
        return Figure(svg, title, series);
    }

    /// <summary>Percentages per point (0–100) and the goal as a dashed line; a bar under the goal is drawn in the warning colour.</summary>
    public static string Percentages(string title, IReadOnlyList<ChartPoint> points, decimal goal, string goalLabel)
    {
        var svg = Start(title);
        Grid(svg, 100, percent: true);
        Draw(svg, points, 100, goal);
        NothingYet(svg, points);
        var y = Y(goal, 100);
        svg.Append(CultureInfo.InvariantCulture, $"""<line class="goal" x1="{Left}" x2="{Width - Right}" y1="{y:0.#}" y2="{y:0.#}"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text class="goal-label" x="{Width - Right}" y="{y - 3:0.#}" text-anchor="end">{Encode(goalLabel)}</text>""");
        svg.Append("</svg>");
        return Figure(svg, title, []);
    }

    private static StringBuilder Start(string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg class="chart" viewBox="0 0 {Width} {Height}" role="img" aria-label="{Encode(title)}" preserveAspectRatio="xMidYMid meet">""");
        return svg;
    }

    private static void Grid(StringBuilder svg, decimal top, bool percent)
    {
        foreach (var share in new[] { 0m, 0.5m, 1m })
        {
            var value = top * share;
            var y = Y(value, top);
            var label = percent ? VietnamesePercent.Format(value) : value.ToString("0", CultureInfo.InvariantCulture);
            svg.Append(CultureInfo.InvariantCulture, $"""<line class="grid" x1="{Left}" x2="{Width - Right}" y1="{y:0.#}" y2="{y:0.#}"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="axis" x="{Left - 4}" y="{y + 4:0.#}" text-anchor="end">{Encode(label)}</text>""");
        }
    }

    private static void Draw(StringBuilder svg, IReadOnlyList<ChartPoint> points, decimal top, decimal? goal)
    {
        if (points.Count == 0)
        {
            return;
        }
        var slot = (Width - Left - Right) / (decimal)points.Count;
        var seriesCount = Math.Max(1, points.Max(p => p.Values.Count));
        var barWidth = Math.Max(1, slot * 0.8m / seriesCount);
        var labelEvery = (points.Count + 11) / 12;
        for (var i = 0; i < points.Count; i++)
        {
            var x0 = Left + slot * i + slot * 0.1m;
            for (var s = 0; s < points[i].Values.Count; s++)
            {
                if (points[i].Values[s] is not { } value)
                {
                    continue;
                }
                var y = Y(value, top);
                var css = goal is { } g ? (value >= g ? "met" : "below") : $"series-{s}";
                svg.Append(CultureInfo.InvariantCulture,
                    $"""<rect class="{css}" x="{x0 + barWidth * s:0.#}" y="{y:0.#}" width="{barWidth:0.#}" height="{Height - Bottom - y:0.#}"><title>{Encode(points[i].Label)}: {Encode(Value(value, goal is not null))}</title></rect>""");
            }
            // At most about twelve labels fit under the bars; a longer period labels every few.
            if (i % labelEvery == 0)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"""<text class="axis" x="{x0 + slot * 0.4m:0.#}" y="{Height - Bottom + 16}" text-anchor="middle">{Encode(points[i].Label)}</text>""");
            }
        }
    }

    // A chart with nothing to draw says so, rather than showing an empty frame.
    private static void NothingYet(StringBuilder svg, IReadOnlyList<ChartPoint> points)
    {
        if (points.All(p => p.Values.All(v => v is null)))
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="empty" x="{(Left + Width - Right) / 2}" y="{(Top + Height - Bottom) / 2}" text-anchor="middle">{SvgChartTexts.NoFigures}</text>""");
        }
    }

    private static string Figure(StringBuilder svg, string title, IReadOnlyList<string> series)
    {
        var legend = series.Count == 0 ? "" : "<p class=\"legend\">" + string.Concat(series.Select((name, i) => $"<span class=\"key series-{i}\"></span>{Encode(name)} ")) + "</p>";
        return $"""<figure class="chart-box"><figcaption>{Encode(title)}</figcaption>{svg}{legend}</figure>""";
    }

    private static string Value(decimal value, bool percent) =>
        percent ? VietnamesePercent.Format(value) : value.ToString("0", CultureInfo.InvariantCulture);

    private static decimal Y(decimal value, decimal top) => Top + (Height - Top - Bottom) * (1 - Math.Clamp(value / top, 0, 1));

    // 1, 2, 5 × a power of ten at or above the largest value, so the scale's halves are round numbers.
    private static decimal NiceCeiling(decimal max)
    {
        var power = 1m;
        while (power * 10 <= max)
        {
            power *= 10;
        }
        foreach (var step in new[] { 1m, 2m, 5m, 10m })
        {
            if (power * step >= max)
            {
                return power * step;
            }
        }
        return power * 10;
    }
}

/// <summary>The words inside the charts.</summary>
public static class SvgChartTexts
{
    public const string NoFigures = "Chưa có số liệu";
}
