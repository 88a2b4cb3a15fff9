using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Referral;
using WhistleSubmit.ReviewerConsole.Statistics;

namespace WhistleSubmit.ReviewerConsole.Releases;

/// <summary>
/// index.html: the release as one static page for readers (journalists, the public): key numbers, charts, the methods
/// (what is counted and suppressed), the public-record table and how to check the signature. No script, no external
/// resource; its CSP allows only its own stylesheet (by hash). All stored text goes through <see cref="Html"/>.
/// </summary>
internal static partial class ReleaseHtml
{
    public static string Page(ReleaseContent c)
    {
        string title = F($"ICE use-of-force incident register, release {c.Number}");
        var o = new StringBuilder();
        o.Append(F($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src {StyleHash}; img-src 'none'; base-uri 'none'; form-action 'none'">
            <meta name="referrer" content="no-referrer">
            <title>{Html.Encode(title)}</title>
            <style>{Css}</style>
            </head>
            <body>
            <header>
            <h1>{Html.Encode(title)}</h1>
            <p class="meta">Incidents as of {Html.Encode(ReleaseCharts.Label(c.AsOf))}. Release {c.Number} replaces every earlier release: it holds every incident recorded so far.{(c.CountsSince < c.Number ? F($" Its counts of incidents reported by sources are those published since release {c.CountsSince}.") : string.Empty)}</p>
            <nav aria-label="Sections"><ul>
            <li><a href="#numbers">Key numbers</a></li><li><a href="#charts">Charts</a></li><li><a href="#methods">Methods</a></li><li><a href="#incidents">Public-record incidents</a></li><li><a href="#checking">Checking this release</a></li>
            </ul></nav>
            </header>
            <main>
            """));
        Numbers(o, c);
        Charts(o, c);
        Methods(o, c);
        Incidents(o, c);
        Checking(o);
        o.Append("</main>\n</body>\n</html>\n");
        return o.ToString();
    }

    private static void Numbers(StringBuilder o, ReleaseContent c)
    {
        StatsCell total = c.Source.Total;
        int deaths = c.PublicRecords.Sum(i => i.Deaths ?? 0);
        int injured = c.PublicRecords.Sum(i => i.Injuries ?? 0);
        o.Append(F($"""
            <section id="numbers" aria-labelledby="numbers-h">
            <h2 id="numbers-h">Key numbers</h2>
            <dl class="numbers">
            <div><dt>Incidents documented in public records</dt><dd>{c.PublicRecords.Count}</dd></div>
            <div><dt>People injured in them</dt><dd>{injured}</dd></div>
            <div><dt>People who died in them</dt><dd>{deaths}</dd></div>
            <div><dt>Incidents reported to us by sources</dt><dd>{(total.Suppressed ? "fewer than " + Suppression.MinimumCount.ToString(CultureInfo.InvariantCulture) : total.Count.ToString(CultureInfo.InvariantCulture))}</dd></div>
            </dl>
            <p>Incidents reported by sources are never listed one by one and are counted only where at least {Suppression.MinimumCount} fall in a group (see <a href="#methods">Methods</a>). The two series are counted separately: an incident can be in both.</p>
            </section>
            """));
    }

    private static void Charts(StringBuilder o, ReleaseContent c)
    {
        o.Append("<section id=\"charts\" aria-labelledby=\"charts-h\">\n<h2 id=\"charts-h\">Charts</h2>\n").Append(ReleaseCharts.Legend()).Append('\n');
        StatsTable publicMonths = PublicTable(c, "month"), sourceMonths = SourceTable(c, "month");
        var months = publicMonths.Cells.Select((cell, i) => (cell.Value, cell.Count, Published(sourceMonths.Cells[i]))).Skip(1).ToList();
        int earlier = publicMonths.Cells[0].Count;
        (string month, int count, int? _) peak = months.MaxBy(m => m.Count);
        string monthText = F($"Public-record incidents by month from January {ReleaseBuilder.FirstYear} to {ReleaseCharts.Label(c.AsOf)}: {months.Sum(m => m.Count)} in all, most in {ReleaseCharts.Label(peak.month)} ({peak.count}). ")
            + SourceSummary(sourceMonths, months.Count(m => m.Item3 is not null));
        Figure(o, "by-month", "Incidents by month since " + ReleaseBuilder.FirstYear.ToString(CultureInfo.InvariantCulture),
            ReleaseCharts.Months("by-month", "Incidents by month since 2017", monthText, months),
            monthText + (earlier > 0 ? F($" {earlier} public-record incidents happened before {ReleaseBuilder.FirstYear} and are not drawn.") : string.Empty),
            [.. publicMonths.Cells.Select((cell, i) => new ReleaseCharts.Bar(cell.Value == ReleaseBuilder.Earlier ? "before 2017" : ReleaseCharts.Label(cell.Value), cell.Count, Published(sourceMonths.Cells[i])))
                .Where(b => b.Public > 0 || b.Source is > 0)]);

        BarFigure(o, c, "by-category", "Incidents by category", "category", v => v.Replace('-', ' '), keepAll: true);
        BarFigure(o, c, "by-state", "Incidents by state", "state", v => v == UsStates.Unknown ? "state not known" : v, keepAll: false);
        var harm = new List<ReleaseCharts.Bar>();
        foreach ((string table, string label) in (IEnumerable<(string, string)>)[("force", "force used"), ("injury", "anyone injured"), ("death", "anyone died"), ("citizens-detained", "citizens/LPRs detained")])
        {
            StatsTable pub = PublicTable(c, table), src = SourceTable(c, table);
            harm.AddRange(pub.Cells.Select((cell, i) => new ReleaseCharts.Bar($"{label}: {cell.Value}", cell.Count, Published(src.Cells[i]))));
        }

        string harmText = string.Join("; ", harm.Select(b => F($"{b.Label}: {b.Public} public-record, {(b.Source is { } s ? s.ToString(CultureInfo.InvariantCulture) : "suppressed")} source-derived")));
        Figure(o, "by-harm", "Force, injuries, deaths and citizens detained",
            ReleaseCharts.Bars("by-harm", "Force, injuries, deaths and citizens detained", harmText, harm), "Incidents by " + harmText + ".", harm);
        o.Append("</section>\n");
    }

    private static void BarFigure(StringBuilder o, ReleaseContent c, string id, string title, string table, Func<string, string> label, bool keepAll)
    {
        StatsTable pub = PublicTable(c, table), src = SourceTable(c, table);
        var bars = pub.Cells.Select((cell, i) => new ReleaseCharts.Bar(label(cell.Value), cell.Count, Published(src.Cells[i])))
            .Where(b => keepAll || b.Public > 0 || b.Source is > 0)
            .OrderByDescending(b => b.Public + (b.Source ?? 0)).ThenBy(b => b.Label, StringComparer.Ordinal).ToList();
        string text = bars.Count == 0 ? "No incidents to show."
            : string.Join("; ", bars.Take(12).Select(b => F($"{b.Label}: {b.Public} public-record, {(b.Source is { } s ? s.ToString(CultureInfo.InvariantCulture) : "suppressed")} source-derived")))
              + (bars.Count > 12 ? F($"; {bars.Count - 12} more in the table below") : string.Empty);
        if (!keepAll)
        {
            text += ". Rows with no public-record incident and no published source-derived count are left out";
        }

        Figure(o, id, title, bars.Count == 0 ? string.Empty : ReleaseCharts.Bars(id, title, text, bars), text + ".", bars);
    }

    private static void Figure(StringBuilder o, string id, string title, string svg, string caption, IReadOnlyList<ReleaseCharts.Bar> data)
    {
        o.Append(F($"<figure id=\"{id}\" aria-labelledby=\"{id}-caption\">\n<h3 id=\"{id}-caption\">{Html.Encode(title)}</h3>\n{svg}\n<figcaption>{Html.Encode(caption)}</figcaption>\n"));
        o.Append(F($"<details><summary>The numbers in a table</summary>\n<table><caption>{Html.Encode(title)}</caption>\n<thead><tr><th scope=\"col\">Row</th><th scope=\"col\">Public-record incidents</th><th scope=\"col\">Source-derived incidents</th></tr></thead>\n<tbody>\n"));
        foreach (ReleaseCharts.Bar bar in data)
        {
            o.Append(F($"<tr><th scope=\"row\">{Html.Encode(bar.Label)}</th><td>{bar.Public}</td><td>{(bar.Source is { } s ? s.ToString(CultureInfo.InvariantCulture) : "suppressed")}</td></tr>\n"));
        }

        o.Append("</tbody></table></details>\n</figure>\n");
    }

    private static string SourceSummary(StatsTable months, int published) => published == 0
        ? "Source-derived counts by month are all suppressed (each month has fewer than 5, or would reveal one that has)."
        : F($"Source-derived counts are published for {published} months; the others are suppressed.");

    private static int? Published(StatsCell cell) => cell.Suppressed ? null : cell.Count;

    private static StatsTable PublicTable(ReleaseContent c, string name) => c.PublicCounts.Single(t => t.Name == name);

    private static StatsTable SourceTable(ReleaseContent c, string name) => c.Source.Tables.Single(t => t.Name == name);

    private static string StyleHash => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css))) + "'";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
