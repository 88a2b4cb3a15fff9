using System.Globalization;
using System.Text;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Referral;
using WhistleSubmit.ReviewerConsole.Register;
using WhistleSubmit.ReviewerConsole.Statistics;

namespace WhistleSubmit.ReviewerConsole.Releases;

/// <summary>This part: the methods, the public-record table, how to check the release, and the stylesheet.</summary>
internal static partial class ReleaseHtml
{
    private static void Methods(StringBuilder o, ReleaseContent c) => o.Append(F($"""
        <section id="methods" aria-labelledby="methods-h">
        <h2 id="methods-h">Methods: what is counted and what is suppressed</h2>
        <h3>Two series</h3>
        <ul>
        <li><strong>Public-record incidents</strong> come from documents anyone can read: Inspector General (OIG) and Office of Professional Responsibility (OPR) reports, court filings, FOIA releases and news reports. Each is listed below with its citations, and counted exactly.</li>
        <li><strong>Source-derived incidents</strong> come from reports sent to the team through its anonymous portal. An incident is what happened, not who told us: when several people describe one incident it is counted once. They are never listed one by one, and their counts are published only where that cannot point to anyone.</li>
        </ul>
        <p>The series are kept apart: a source-derived incident that a public record also documents appears in both. Reviewers rate each source-derived incident: <em>single-source</em> (one report), <em>corroborated</em> (more sources or evidence), or <em>public-record</em> (confirmed by a public record).</p>
        <h3>What each incident records</h3>
        <p>The month it happened (never the day), the state, the type of place, whether force was used, how many people were injured and died, whether U.S. citizens or lawful permanent residents were detained, and its categories. For public-record incidents also the field office or place, a summary, and the citations. Nothing else about source-derived incidents is published: no text, place, date finer than a month, or anything about the reports or their authors.</p>
        <h3>Suppression</h3>
        <ol>
        <li>Every source-derived count below {Suppression.MinimumCount}, zero included, is shown as <em>suppressed</em>. If fewer than {Suppression.MinimumCount} source-derived incidents are recorded, every count is suppressed.</li>
        <li>In tables whose rows add up to the total (month, state, type of place, force, injuries, deaths, citizens detained, verification), more rows are suppressed, smallest first, so that no suppressed row can be worked out by subtracting the others from the total.</li>
        <li>A category is suppressed when fewer than {Suppression.MinimumCount} source-derived incidents have it, or fewer than {Suppression.MinimumCount} lack it.</li>
        <li><strong>Across releases</strong>: each release holds everything recorded so far. Before it is published, it is compared with every earlier release: no count (of a row, or of several rows together) that both releases give exactly may have changed by 1 to 4. Where one would, more rows are suppressed in this release; if that cannot help, the source-derived counts of the previous release are published again, unchanged, until more incidents are recorded.</li>
        </ol>
        <p>Each table counts incidents along one dimension only (there is no month-by-state table), so suppressed rows of one table cannot be recovered from another.</p>
        </section>
        """));

    private static void Incidents(StringBuilder o, ReleaseContent c)
    {
        o.Append(F($"""
            <section id="incidents" aria-labelledby="incidents-h">
            <h2 id="incidents-h">Public-record incidents</h2>
            <p>{c.PublicRecords.Count} incidents, by month. The same rows are in <code>incidents.csv</code> and <code>incidents.json</code>.</p>
            <div class="scroll" role="region" aria-label="Table of public-record incidents (scrolls sideways on narrow screens)" tabindex="0">
            <table class="incidents">
            <thead><tr><th scope="col">Month</th><th scope="col">Where</th><th scope="col">Force, injuries, deaths</th><th scope="col">Citizens detained</th><th scope="col">Categories</th><th scope="col">Summary</th><th scope="col">Sources</th></tr></thead>
            <tbody>

            """));
        foreach (IncidentRecord i in c.PublicRecords)
        {
            string where = string.Join(", ", new[] { i.FieldOffice, i.State, i.Facility == "unknown" ? null : i.Facility.Replace('-', ' ') }.Where(s => s is not null));
            string harm = F($"force: {i.Force}; injured: {Count(i.Injuries)}; died: {Count(i.Deaths)}");
            o.Append(F($"<tr id=\"i-{i.Id}\"><td>{Html.Encode(i.Month)}</td><td class=\"user\">{Html.Line(where.Length == 0 ? "not known" : where, 400)}</td><td>{Html.Encode(harm)}</td><td>{Html.Encode(i.CitizensDetained)}</td><td>{Html.Encode(string.Join(", ", i.Categories))}</td><td class=\"user\">{Html.Line(i.Summary ?? string.Empty, IncidentFields.MaxSummary)}</td><td class=\"user\"><ul class=\"cites\">"));
            foreach (Citation cite in i.Citations)
            {
                o.Append(F($"<li>{Html.Encode(cite.Kind.ToUpperInvariant())}: {Html.Line(cite.Reference, IncidentFields.MaxReference)}</li>"));
            }

            o.Append("</ul></td></tr>\n");
        }

        o.Append("</tbody></table></div>\n</section>\n");
    }

    private static void Checking(StringBuilder o) => o.Append(F($"""
        <section id="checking" aria-labelledby="checking-h">
        <h2 id="checking-h">Checking this release</h2>
        <p>The folder holds <code>{ReleaseFiles.Sums}</code>, the SHA-256 of every other file, and <code>{ReleaseFiles.Signature}</code>, the team's signature of it. Check the files with <code>sha256sum -c {ReleaseFiles.Sums}</code>, and the signature with <code>whistle-review verify-release</code> or, for its Ed25519 half, with OpenSSL as the project's documentation (docs/CONSOLE.md, "Checking a release") explains. Compare the team key's fingerprint with the one the team publishes elsewhere.</p>
        </section>
        """));

    private static string Count(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "not known";

    private const string Css = """
        :root { color-scheme: light; }
        body { font: 16px/1.5 Helvetica, Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 64rem; padding: 1rem 1.25rem 3rem; }
        h1 { font-size: 1.8rem; line-height: 1.2; margin: .5rem 0 .25rem; }
        h2 { font-size: 1.35rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; margin-top: 2.5rem; }
        h3 { font-size: 1.1rem; margin: 1.5rem 0 .4rem; }
        a { color: #0b4f8a; }
        .meta { color: #3d3d3d; margin-top: 0; }
        nav ul { list-style: none; padding: 0; margin: .75rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
        dl.numbers { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .75rem; margin: 1rem 0; }
        dl.numbers div { border: 1px solid #bdbdbd; border-radius: 4px; padding: .6rem .8rem; }
        dl.numbers dt { font-size: .9rem; color: #3d3d3d; }
        dl.numbers dd { margin: .2rem 0 0; font-size: 1.9rem; font-weight: 700; }
        figure { margin: 1.5rem 0 2rem; }
        figure h3 { margin-top: 0; }
        svg { display: block; width: 100%; height: auto; }
        .legend svg { display: inline; width: 14px; height: 14px; vertical-align: -2px; margin-left: .75rem; }
        figcaption { font-size: .95rem; color: #3d3d3d; margin-top: .4rem; }
        details { margin-top: .4rem; }
        summary { cursor: pointer; color: #0b4f8a; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
        caption { text-align: left; font-weight: 700; padding: .25rem 0; }
        th, td { border: 1px solid #bdbdbd; padding: .3rem .45rem; text-align: left; vertical-align: top; }
        thead th { background: #eeeeee; }
        .scroll { overflow-x: auto; }
        .user { unicode-bidi: isolate; overflow-wrap: anywhere; }
        ul.cites { margin: 0; padding-left: 1rem; }
        code { font-family: "DejaVu Sans Mono", "Courier New", monospace; font-size: .9em; }
        @media print { nav, details summary { display: none; } details { display: block; } }
        """;
}
