using System.Text.Json;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>
/// A register to publish, built once: the imported scenario's three cases, six source-derived incidents from them,
/// and public records from a CSV file whose text is hostile (formula starters, markup, a bidi override).
/// </summary>
internal static class RegisterScenario
{
    public const string Formula = "=HYPERLINK(\"http://evil.example/x\",\"click\")";
    public const string Markup = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    public const string Bidi = "\u202Egnp.exe";

    public static readonly string Csv = string.Join("\r\n",
        "month,state,field_office,facility,force,injuries,deaths,citizens_detained,categories,summary,citation_kind,citation",
        $"2017-05,TX,Houston,detention-facility,yes,2,0,no,unlawful-force;injury-or-death,\"{Formula.Replace("\"", "\"\"", StringComparison.Ordinal)}\",oig,\"OIG-18-32, Concerns about ICE Detainee Treatment\"",
        $"2018-11,CA,+Santa Ana,courthouse,yes,1,0,yes,unlawful-force,\"{Markup}\",court,\"+1 Doe v. ICE, No. 3:18-cv-0001\"",
        $"2019-02,AZ,@Phoenix,vehicle,unknown,,1,unknown,injury-or-death,-2 people hurt {Bidi},news,@reporter: Arizona Daily",
        "2020-07,NY,New York,residence,no,0,0,yes,illegal-detention-of-citizen,A U.S. citizen was held for three days,foia,FOIA 2020-ICFO-12345",
        "") ;

    private static readonly Lazy<Templates.Template> Lazy = new(Create);

    public static Templates.Template Template => Lazy.Value;

    /// <summary>The ids of the incidents in <paramref name="vault"/>, by origin.</summary>
    public static IReadOnlyList<string> Incidents(TestVault vault, string origin)
    {
        using JsonDocument json = JsonDocument.Parse(vault.Succeed("incident", "list", "--json", "--origin", origin).StdoutText);
        return [.. json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
    }

    /// <summary>Adds a source-derived incident from case A in <paramref name="month"/>, in Texas, force used.</summary>
    public static void AddSourceIncident(TestVault vault, string month) =>
        vault.Succeed("incident", "create", "--case", CaseLookup.CaseA(vault), "--month", month, "--state", "TX", "--force", "yes", "--category", "unlawful-force");

    private static Templates.Template Create()
    {
        TestVault vault = Templates.Track(TestVault.Imported());
        vault.Succeed("incident", "import", "--csv", vault.Directory.Write("records.csv", Csv));
        for (int i = 0; i < 6; i++)
        {
            AddSourceIncident(vault, i < 3 ? "2019-03" : "2024-08");
        }

        return new Templates.Template(vault);
    }
}
