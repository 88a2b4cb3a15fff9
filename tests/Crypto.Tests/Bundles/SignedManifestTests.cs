using System.Text;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Crypto.Tests.Signing;
using WhistleSubmit.Crypto.Tests.Tar;
using static WhistleSubmit.Crypto.Tests.Bundles.BundleFixtures;

namespace WhistleSubmit.Crypto.Tests.Bundles;

/// <summary>Manifest version 2: a replies bundle whose manifest entry is a signed document (P6).</summary>
public class SignedManifestTests
{
    private static readonly byte[] Data = [1, 2, 3];
    private static readonly TeamSigningKey Team = TestTeamKeys.Team;
    private static readonly TeamSigningKey Other = TestTeamKeys.Other;

    private static string RepliesManifest(int v) =>
        $$"""{"v":{{v}},"kind":"replies","created":"2026-11-27","items":[{{ItemJson(Id1, Data, "reply")}}]}""";

    private static byte[] Signed(TeamSigningKey? key)
    {
        var writer = new BundleWriter(BundleKind.Replies, Day, key);
        writer.Add(Id1, Mailbox, BundleItemKind.Reply, Data.Length, () => new MemoryStream(Data));
        using var output = new MemoryStream();
        writer.WriteTo(output);
        return output.ToArray();
    }

    [Test]
    public void WriteTo_WithTeamKey_ManifestEntryIsSignedVersion2ThatVerifies()
    {
        byte[] bundle = Signed(Team);
        int size = Convert.ToInt32(Encoding.ASCII.GetString(bundle, 124, 11), 8);
        byte[] entry = bundle.AsSpan(512, size).ToArray();

        using BundleReader reader = Open(bundle);

        Assert.That(SignedDocument.Open(entry, Team.PublicKey, "replies-manifest"), Is.EqualTo(Encoding.UTF8.GetBytes(RepliesManifest(2))));
        Assert.That(reader.Manifest.V, Is.EqualTo(2));
        Assert.That(reader.SignedManifest!.Value.ToArray(), Is.EqualTo(entry));
        Assert.DoesNotThrow(() => reader.VerifyManifest(Team.PublicKey));
        Assert.That(ReadAll(reader.OpenItem(Id1)), Is.EqualTo(Data));
    }

    [Test]
    public void VerifyManifest_Unsigned_IsNotAnEnvelope()
    {
        using BundleReader reader = Open(Signed(null));

        Assert.That(reader.Manifest.V, Is.EqualTo(1));
        Assert.That(reader.SignedManifest, Is.Null);
        Assert.That(Assert.Throws<SignatureException>(() => reader.VerifyManifest(Team.PublicKey))!.Reason, Is.EqualTo(SignatureFailure.NotAnEnvelope));
    }

    [Test]
    public void VerifyManifest_AnotherTeamKey_IsOtherKey()
    {
        using BundleReader reader = Open(Signed(Other));

        Assert.That(Assert.Throws<SignatureException>(() => reader.VerifyManifest(Team.PublicKey))!.Reason, Is.EqualTo(SignatureFailure.OtherKey));
    }

    [Test]
    public void VerifyManifest_SignatureOverOtherBytes_IsBadSignature()
    {
        // A valid signature by the team over another manifest, put on this one: the envelope's payload changes.
        byte[] theirs = SignedDocument.Create(Team, "replies-manifest", Encoding.UTF8.GetBytes(RepliesManifest(2).Replace("2026-11-27", "2026-11-28", StringComparison.Ordinal)));
        string envelope = Encoding.ASCII.GetString(theirs);
        string forged = envelope.Replace(Base64Url(RepliesManifest(2).Replace("2026-11-27", "2026-11-28", StringComparison.Ordinal)), Base64Url(RepliesManifest(2)), StringComparison.Ordinal);
        byte[] bundle = Raw(forged, RawTar.Entry("items/" + Id1 + ".age", Data));

        using BundleReader reader = Open(bundle);

        Assert.That(Assert.Throws<SignatureException>(() => reader.VerifyManifest(Team.PublicKey))!.Reason, Is.EqualTo(SignatureFailure.BadSignature));
    }

    [TestCase(1, "a version 1 payload inside an envelope")]
    [TestCase(3, "an unknown version")]
    public void Open_SignedManifestWithOtherVersion_IsMalformed(int v, string why)
    {
        string envelope = Encoding.ASCII.GetString(SignedDocument.Create(Team, "replies-manifest", Encoding.UTF8.GetBytes(RepliesManifest(v))));

        Assert.That(() => Open(Raw(envelope, RawTar.Entry("items/" + Id1 + ".age", Data))), Throws.TypeOf<BundleException>(), why);
    }

    [Test]
    public void Open_PlainVersion2Manifest_IsMalformed()
    {
        Assert.That(() => Open(Raw(RepliesManifest(2), RawTar.Entry("items/" + Id1 + ".age", Data))), Throws.TypeOf<BundleException>());
    }

    [Test]
    public void Open_EnvelopeOfAnotherType_IsMalformed()
    {
        string envelope = Encoding.ASCII.GetString(SignedDocument.Create(Team, "reply", Encoding.UTF8.GetBytes(RepliesManifest(2))));

        Assert.That(() => Open(Raw(envelope, RawTar.Entry("items/" + Id1 + ".age", Data))), Throws.TypeOf<BundleException>());
    }

    [Test]
    public void Open_SignedSubmissionsManifest_IsMalformed()
    {
        string manifest = ManifestJson(ItemJson(Id1, Data)).Replace("\"v\":1", "\"v\":2", StringComparison.Ordinal);
        string envelope = Encoding.ASCII.GetString(SignedDocument.Create(Team, "replies-manifest", Encoding.UTF8.GetBytes(manifest)));

        Assert.That(() => Open(Raw(envelope, RawTar.Entry("items/" + Id1 + ".age", Data))), Throws.TypeOf<BundleException>());
    }

    [Test]
    public void Constructor_SignerForSubmissions_Throws()
    {
        Assert.That(() => new BundleWriter(BundleKind.Submissions, Day, Team), Throws.ArgumentException);
    }

    private static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] ReadAll(Stream s)
    {
        using var copy = new MemoryStream();
        s.CopyTo(copy);
        return copy.ToArray();
    }
}
