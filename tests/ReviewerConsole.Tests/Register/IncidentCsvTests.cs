using System.Text;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Register;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Tests.Register;

[TestFixture]
public sealed class IncidentCsvTests
{
    private const string Header = "month,state,field_office,facility,force,injuries,deaths,citizens_detained,categories,summary,citation_kind,citation\n";
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Parse_QuotedCommasQuotesAndBom_ReadsEveryField()
    {
        string csv = "\uFEFF" + Header + "2019-04,TX,\"Houston, TX\",detention-facility,yes,3,,no,unlawful-force;injury-or-death,\"He said \"\"stop\"\"\",court,\"Doe v. ICE, No. 1\"\r\n";

        List<IncidentRecord> rows = Parse(csv);

        Assert.That(rows, Has.Count.EqualTo(1));
        IncidentRecord r = rows[0];
        Assert.Multiple(() =>
        {
            Assert.That(r.Origin, Is.EqualTo(IncidentOrigins.PublicRecord));
            Assert.That(r.FieldOffice, Is.EqualTo("Houston, TX"));
            Assert.That(r.Injuries, Is.EqualTo(3));
            Assert.That(r.Deaths, Is.Null);
            Assert.That(r.Categories, Is.EqualTo(new[] { "unlawful-force", "injury-or-death" }));
            Assert.That(r.Summary, Is.EqualTo("He said \"stop\""));
            Assert.That(r.Citations, Is.EqualTo(new[] { new Citation("court", "Doe v. ICE, No. 1") }));
        });
    }

    [TestCase("2019-13,TX,,unknown,yes,,,no,,s,news,r", 2, 1, "month")]
    [TestCase("2019-04,Texas,,unknown,yes,,,no,,s,news,r", 2, 2, "state")]
    [TestCase("2019-04,TX,,jail,yes,,,no,,s,news,r", 2, 4, "facility")]
    [TestCase("2019-04,TX,,unknown,maybe,,,no,,s,news,r", 2, 5, "force")]
    [TestCase("2019-04,TX,,unknown,yes,01,,no,,s,news,r", 2, 6, "injuries")]
    [TestCase("2019-04,TX,,unknown,yes,,-1,no,,s,news,r", 2, 7, "deaths")]
    [TestCase("2019-04,TX,,unknown,yes,,,perhaps,,s,news,r", 2, 8, "citizens_detained")]
    [TestCase("2019-04,TX,,unknown,yes,,,no,unlawful-force;nope,s,news,r", 2, 9, "categories")]
    [TestCase("2019-04,TX,,unknown,yes,,,no,,,news,r", 2, 10, "summary")]
    [TestCase("2019-04,TX,,unknown,yes,,,no,,s,blog,r", 2, 11, "citation_kind")]
    [TestCase("2019-04,TX,,unknown,yes,,,no,,s,news,", 2, 12, "citation")]
    [TestCase("2019-04,TX,,unknown,yes,,,no,,s,news", 2, 12, "extra")]
    [TestCase("2019-04,TX,,unknown,yes,,,no,,\"s,news,r", 2, 10, "summary")]
    [TestCase("2019-04,TX,,unknown,yes,,,no,,s\"x,news,r", 2, 10, "summary")]
    public void Parse_BadValue_NamesLineAndColumnAndImportsNothing(string row, int line, int column, string name)
    {
        string csv = Header + row + "\n";

        var ex = Assert.Throws<CliException>(() => Parse(csv));

        Assert.That(ex!.Message, Does.StartWith($"records.csv line {line}, column {column} ({(name == "extra" ? "citation" : name)})").Or.StartWith($"records.csv line {line}, column {column} (extra)"));
        Assert.That(ex.Message, Does.EndWith("nothing was imported"));
    }

    [Test]
    public void Parse_ErrorOnALaterLine_CountsLinesInsideQuotedValues()
    {
        string good = "2019-04,TX,,unknown,yes,,,no,,s,news,r\n";
        string csv = Header + good + good + "2019-04,TX,,unknown,sometimes,,,no,,s,news,r\n";

        var ex = Assert.Throws<CliException>(() => Parse(csv));

        Assert.That(ex!.Message, Does.StartWith("records.csv line 4, column 5 (force)"));
    }

    [Test]
    public void Parse_WrongHeaderOrInvalidUtf8_IsRefusedWithItsPlace()
    {
        var header = Assert.Throws<CliException>(() => Parse(Header.Replace("force", "force_used", StringComparison.Ordinal) + "x\n"));
        byte[] bad = [.. Encoding.UTF8.GetBytes(Header + "2019-04,TX,,unknown,yes,,,no,,s"), 0xff, .. ",news,r\n"u8];
        var utf8 = Assert.Throws<CliException>(() => IncidentCsv.Parse(bad, "records.csv", "2026-12-07T12:00:00.000Z", Now));

        Assert.That(header!.Message, Does.StartWith("records.csv line 1, column 5 (force)"));
        Assert.That(utf8!.Message, Does.StartWith("records.csv line 2").And.Contain("UTF-8"));
    }

    [Test]
    public void Parse_ControlCharacterInText_IsRefused()
    {
        string csv = Header + "2019-04,TX,,unknown,yes,,,no,,\"two\nlines\",news,r\n";

        var ex = Assert.Throws<CliException>(() => Parse(csv));

        Assert.That(ex!.Message, Does.StartWith("records.csv line 2, column 10 (summary)"));
    }

    private static List<IncidentRecord> Parse(string csv) =>
        IncidentCsv.Parse(Encoding.UTF8.GetBytes(csv), "records.csv", "2026-12-07T12:00:00.000Z", Now);
}
