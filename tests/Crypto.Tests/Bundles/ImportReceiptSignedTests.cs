using System.Text;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Crypto.Tests.Signing;
using static WhistleSubmit.Crypto.Tests.Bundles.BundleFixtures;

namespace WhistleSubmit.Crypto.Tests.Bundles;

/// <summary>Version 2 receipts: signed with the team key (P6); what the portal acts on and what it refuses.</summary>
public class ImportReceiptSignedTests
{
    private const string BundleSha = Mailbox;
    private const string Head = "aa55a056e28e9586677fadfef201044683caead82410cac516d143ed2db8c8ff";

    private static readonly TeamSigningKey Team = TestTeamKeys.Team;
    private static readonly TeamSigningKey Other = TestTeamKeys.Other;

    private static ImportReceipt Receipt => new() { BundleSha256 = BundleSha, Items = [Id1, Id2], AuditHead = Head };

    [Test]
    public void ToJson_Version2_HasAuditHeadLast()
    {
        Assert.That(Encoding.UTF8.GetString(Receipt.ToJson()),
            Is.EqualTo($$"""{"v":2,"bundleSha256":"{{BundleSha}}","items":["{{Id1}}","{{Id2}}"],"auditHead":"{{Head}}"}"""));
    }

    [Test]
    public void OpenSigned_SignedByTeam_GivesTheReceipt()
    {
        ImportReceipt back = ImportReceipt.OpenSigned(Receipt.ToSignedDocument(Team), Team.PublicKey);

        Assert.That(back.V, Is.EqualTo(2));
        Assert.That(back.BundleSha256, Is.EqualTo(BundleSha));
        Assert.That(back.Items, Is.EqualTo(new[] { Id1, Id2 }));
        Assert.That(back.AuditHead, Is.EqualTo(Head));
    }

    [Test]
    public void OpenSigned_UnsignedVersion1_IsNotAnEnvelopeAndRecognisedAsV1()
    {
        byte[] v1 = new ImportReceipt { V = 1, BundleSha256 = BundleSha, Items = [Id1] }.ToJson();

        var refused = Assert.Throws<SignatureException>(() => ImportReceipt.OpenSigned(v1, Team.PublicKey));

        Assert.That(refused!.Reason, Is.EqualTo(SignatureFailure.NotAnEnvelope));
        Assert.That(ImportReceipt.IsUnsignedV1(v1), Is.True);
    }

    [Test]
    public void OpenSigned_UnsignedVersion2Payload_IsNotAnEnvelope()
    {
        var refused = Assert.Throws<SignatureException>(() => ImportReceipt.OpenSigned(Receipt.ToJson(), Team.PublicKey));

        Assert.That(refused!.Reason, Is.EqualTo(SignatureFailure.NotAnEnvelope));
    }

    [Test]
    public void OpenSigned_AnotherTeamKey_IsOtherKeyNamingIt()
    {
        var refused = Assert.Throws<SignatureException>(() => ImportReceipt.OpenSigned(Receipt.ToSignedDocument(Other), Team.PublicKey));

        Assert.That(refused!.Reason, Is.EqualTo(SignatureFailure.OtherKey));
        Assert.That(refused.KeyFingerprint, Is.EqualTo(Other.PublicKey.Fingerprint));
    }

    [Test]
    public void OpenSigned_AnotherTypeSignedByTeam_IsWrongType()
    {
        byte[] reply = SignedDocument.Create(Team, "reply", Receipt.ToJson());

        var refused = Assert.Throws<SignatureException>(() => ImportReceipt.OpenSigned(reply, Team.PublicKey));

        Assert.That(refused!.Reason, Is.EqualTo(SignatureFailure.WrongType));
    }

    [Test]
    public void OpenSigned_SignedVersion1Payload_IsRefused()
    {
        byte[] signedV1 = SignedDocument.Create(Team, ImportReceipt.SignedType, new ImportReceipt { V = 1, BundleSha256 = BundleSha, Items = [Id1] }.ToJson());

        Assert.That(() => ImportReceipt.OpenSigned(signedV1, Team.PublicKey), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void ToSignedDocument_Version1_Throws()
    {
        Assert.That(() => new ImportReceipt { V = 1, BundleSha256 = BundleSha, Items = [Id1] }.ToSignedDocument(Team), Throws.ArgumentException);
    }
}
