using System.Globalization;
using System.Text;
using WhistleSubmit.ReviewerConsole.Referral;
using WhistleSubmit.ReviewerConsole.Statistics;

namespace WhistleSubmit.ReviewerConsole.Releases;

/// <summary>
/// The report's charts as inline SVG: no script, no external resource, colours as attributes (the page's CSP allows
/// no inline style attributes). Each is an image with a title and a description that say what it shows, and the
/// report puts the same numbers in a table next to it. Public-record counts are exact; source-derived counts are
/// drawn only where published, and a suppressed one is written "suppressed", never drawn.
/// </summary>
internal static class ReleaseCharts
{
    public const string PublicColour = "#1f4e79";
    public const string SourceColour = "#b45309";
    private const string Ink = "#1a1a1a";
    private const string Grid = "#d0d0d0";
    private const string Muted = "#4a4a4a";

    /// <summary>One row of a chart: its label, the public-record count, and the source-derived count (null if suppressed).</summary>
    internal sealed record Bar(string Label, int Public, int? Source);

    /// <summary>Columns per month (public-record below, source-derived stacked on top where published), a label each January.</summary>
    public static string Months(string id, string title, string description, IReadOnlyList<(string Month, int Public, int? Source)> months)
    {
        const int width = 960, height = 300, left = 44, right = 12, top = 16, bottom = 40;
        int max = Math.Max(1, months.Max(m => m.Public + (m.Source ?? 0)));
        int step = NiceStep(max);
        int axisMax = (max + step - 1) / step * step;
        double slot = (width - left - right) / (double)Math.Max(1, months.Count);
        double barWidth = Math.Max(1, slot * 0.8);
        double Y(int value) => top + ((height - top - bottom) * (1 - (value / (double)axisMax)));
        var o = Open(id, title, description, width, height);
        for (int v = 0; v <= axisMax; v += step)
        {
            o.Append(F($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" stroke=\"{Grid}\" stroke-width=\"1\"/>"));
            o.Append(F($"<text x=\"{left - 6}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Muted}\">{v}</text>"));
        }

        for (int i = 0; i < months.Count; i++)
        {
            (string month, int pub, int? source) = months[i];
            double x = left + (i * slot) + ((slot - barWidth) / 2);
            if (pub > 0)
            {
                o.Append(F($"<rect x=\"{x:0.##}\" y=\"{Y(pub):0.##}\" width=\"{barWidth:0.##}\" height=\"{Y(0) - Y(pub):0.##}\" fill=\"{PublicColour}\"/>"));
            }

            if (source is > 0 and var s)
            {
                o.Append(F($"<rect x=\"{x:0.##}\" y=\"{Y(pub + s):0.##}\" width=\"{barWidth:0.##}\" height=\"{Y(pub) - Y(pub + s):0.##}\" fill=\"{SourceColour}\"/>"));
            }

            if (month.EndsWith("-01", StringComparison.Ordinal) || i == 0)
            {
                o.Append(F($"<line x1=\"{x:0.##}\" x2=\"{x:0.##}\" y1=\"{Y(0):0.#}\" y2=\"{Y(0) + 5:0.#}\" stroke=\"{Ink}\"/>"));
                o.Append(F($"<text x=\"{x:0.##}\" y=\"{height - bottom + 20}\" font-size=\"12\" fill=\"{Ink}\">{Html.Encode(month.EndsWith("-01", StringComparison.Ordinal) ? month[..4] : Label(month))}</text>"));
            }
        }

        o.Append(F($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{Y(0):0.#}\" y2=\"{Y(0):0.#}\" stroke=\"{Ink}\" stroke-width=\"1.5\"/>"));
        return o.Append("</svg>").ToString();
    }

    /// <summary>Two horizontal bars per row: public-record, then source-derived (or the word "suppressed").</summary>
    public static string Bars(string id, string title, string description, IReadOnlyList<Bar> bars)
    {
        const int width = 960, labelWidth = 250, right = 110, rowHeight = 38, top = 8;
        int height = top + (bars.Count * rowHeight) + 8;
        int max = Math.Max(1, bars.Max(b => Math.Max(b.Public, b.Source ?? 0)));
        double Scale(int v) => (width - labelWidth - right) * (v / (double)max);
        var o = Open(id, title, description, width, height);
        for (int i = 0; i < bars.Count; i++)
        {
            Bar bar = bars[i];
            double y = top + (i * rowHeight);
            o.Append(F($"<text x=\"{labelWidth - 10}\" y=\"{y + 22:0.#}\" text-anchor=\"end\" font-size=\"14\" fill=\"{Ink}\">{Html.Line(bar.Label, 40)}</text>"));
            o.Append(F($"<rect x=\"{labelWidth}\" y=\"{y + 4:0.#}\" width=\"{Math.Max(bar.Public > 0 ? 2 : 0, Scale(bar.Public)):0.##}\" height=\"13\" fill=\"{PublicColour}\"/>"));
            o.Append(F($"<text x=\"{labelWidth + Scale(bar.Public) + 6:0.##}\" y=\"{y + 15:0.#}\" font-size=\"12\" fill=\"{Ink}\">{bar.Public}</text>"));
            if (bar.Source is { } s)
            {
                o.Append(F($"<rect x=\"{labelWidth}\" y=\"{y + 19:0.#}\" width=\"{Math.Max(s > 0 ? 2 : 0, Scale(s)):0.##}\" height=\"13\" fill=\"{SourceColour}\"/>"));
                o.Append(F($"<text x=\"{labelWidth + Scale(s) + 6:0.##}\" y=\"{y + 30:0.#}\" font-size=\"12\" fill=\"{Ink}\">{s}</text>"));
            }
            else
            {
                o.Append(F($"<text x=\"{labelWidth + 6}\" y=\"{y + 30:0.#}\" font-size=\"12\" font-style=\"italic\" fill=\"{Muted}\">source-derived: suppressed</text>"));
            }
        }

        o.Append(F($"<line x1=\"{labelWidth}\" x2=\"{labelWidth}\" y1=\"{top}\" y2=\"{height - 8}\" stroke=\"{Ink}\" stroke-width=\"1.5\"/>"));
        return o.Append("</svg>").ToString();
    }

    /// <summary>The legend, as HTML (so it is text a screen reader and a search both find).</summary>
    public static string Legend() => F($"""
        <p class="legend"><svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false"><rect width="14" height="14" fill="{PublicColour}"/></svg> public-record incidents (exact)
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false"><rect width="14" height="14" fill="{SourceColour}"/></svg> source-derived incidents (only where at least {Suppression.MinimumCount} and safe to publish)</p>
        """);

    /// <summary>"March 2019" for 2019-03.</summary>
    public static string Label(string month) =>
        month.Length == 7 && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day)
            ? day.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            : month;

    private static StringBuilder Open(string id, string title, string description, int width, int height) => new StringBuilder()
        .Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"Helvetica, Arial, sans-serif\">"))
        .Append(F($"<title id=\"{id}-title\">{Html.Encode(title)}</title><desc id=\"{id}-desc\">{Html.Encode(description)}</desc>"));

    private static int NiceStep(int max)
    {
        foreach (int step in (int[])[1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000])
        {
            if (max / step <= 6)
            {
                return step;
            }
        }

        return 20000;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
