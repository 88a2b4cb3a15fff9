using System.Text;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Crypto.Tests.Tar;

namespace WhistleSubmit.Crypto.Tests.Containers;

// The JSON ids are a cross-machine contract with the browser and the console: pin them.
public class SchemaIdsTests
{
    [Test]
    public void Category_JsonIds_AreStable()
    {
        string json = Serialize(ContainerFixtures.Report() with { Categories = Enum.GetValues<Category>() });

        Assert.That(json, Does.Contain(
            "\"categories\":[\"unlawful-force\",\"injury-or-death\",\"illegal-detention-of-citizen\",\"arrest-quotas\",\"retaliation-against-staff\"," +
            "\"threats-or-intimidation\",\"corruption-or-abuse\",\"unsafe-working-conditions\",\"investigator-reassignment\",\"funding-tied-to-arrests\",\"other\"]"));
    }

    [Test]
    public void ReportingChannel_JsonIds_AreStable()
    {
        string json = Serialize(ContainerFixtures.Report() with
        {
            V = 3, CaseKey = new string('1', 64), MailboxId = new string('2', 64),
            ReplyRecipient = WhistleSubmit.Crypto.Age.MlKem768X25519Identity.FromSeed(new byte[32]).Recipient.ToString(),
            InternalReporting = new InternalReporting { Channels = Enum.GetValues<ReportingChannel>() },
        });

        Assert.That(json, Does.Contain("\"channels\":[\"opr\",\"oig\",\"osc\",\"crcl\",\"congress\",\"supervisor\",\"other\"]"));
    }

    [Test]
    public void FullReport_Json_HasTheDocumentedShape()
    {
        ReportV1 report = ContainerFixtures.Report(("a.txt", 3)) with
        {
            Relationship = Relationship.FormerStaff,
            Component = Component.Ero,
            When = new IncidentWhen { From = new DateOnly(2026, 5, 1) },
            Where = new IncidentWhere { State = "CA", Place = "Adelanto" },
            PeopleAffected = new PeopleAffected { Count = 3, CitizensOrResidents = Answer.Unknown },
            Harm = new Harm { Force = Answer.Yes, Injuries = 1, Deaths = 0 },
            InternalReporting = new InternalReporting { Reported = Answer.Yes, Channels = [ReportingChannel.Oig, ReportingChannel.Supervisor], Outcome = "none" },
        };

        string json = Serialize(report);

        Assert.That(json, Is.EqualTo(
            "{\"v\":1,\"relationship\":\"former-staff\",\"component\":\"ero\",\"when\":{\"from\":\"2026-05-01\"},\"where\":{\"state\":\"CA\",\"place\":\"Adelanto\"}," +
            "\"peopleAffected\":{\"count\":3,\"citizensOrResidents\":\"unknown\"},\"harm\":{\"force\":\"yes\",\"injuries\":1,\"deaths\":0}," +
            "\"internalReporting\":{\"reported\":\"yes\",\"channels\":[\"oig\",\"supervisor\"],\"outcome\":\"none\"}," +
            "\"description\":\"Agents used force on a restrained detainee.\",\"attachments\":[{\"name\":\"a.txt\",\"size\":3}]," +
            "\"client\":{\"language\":\"en\",\"encryptedBy\":\"browser\"}}"));
    }

    private static string Serialize(ReportV1 report)
    {
        byte[] container = ContainerFixtures.Write(report, report.Attachments.Select(a => new byte[a.Size]).ToArray());
        int size = Convert.ToInt32(Encoding.ASCII.GetString(container, 124, 11), 8);
        return Encoding.UTF8.GetString(container, RawTar.Block, size);
    }
}
