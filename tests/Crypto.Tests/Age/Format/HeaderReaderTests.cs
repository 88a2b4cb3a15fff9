using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Age.Format;

namespace WhistleSubmit.Crypto.Tests.Age.Format;

public class HeaderReaderTests
{
    private const string Mac = "--- AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n";

    private static AgeErrorKind? Kind(string header, int maxRead = int.MaxValue)
    {
        try
        {
            HeaderReader.Read(new TrickleStream(Encoding.Latin1.GetBytes(header), maxRead));
            return null;
        }
        catch (AgeException e)
        {
            return e.Kind;
        }
    }

    [Test]
    public void Read_ValidHeader_ReturnsStanzasMacInputAndLeftover()
    {
        string text = "age-encryption.org/v1\n-> a b c\nAAAA\n" + Mac;
        byte[] input = [.. Encoding.ASCII.GetBytes(text), 1, 2, 3];

        var stream = new TrickleStream(input, 5);

        (Header header, byte[] leftover) = HeaderReader.Read(stream);
        var rest = new MemoryStream();
        stream.CopyTo(rest);

        Assert.That(header.Stanzas, Has.Count.EqualTo(1));
        Assert.That(header.Stanzas[0].Type, Is.EqualTo("a"));
        Assert.That(header.Stanzas[0].Args, Is.EqualTo(new[] { "b", "c" }));
        Assert.That(header.Stanzas[0].Body.ToArray(), Is.EqualTo(new byte[3]));
        Assert.That(Encoding.ASCII.GetString(header.MacInput), Is.EqualTo(text[..text.IndexOf("--- ", StringComparison.Ordinal)] + "---"));
        Assert.That(leftover.Concat(rest.ToArray()), Is.EqualTo(new byte[] { 1, 2, 3 }), "no payload byte lost");
    }

    [Test]
    public void Read_OverTotalCap_ThrowsHeader()
    {
        // Many small valid stanzas until the cap, so only the total size is wrong.
        var sb = new StringBuilder("age-encryption.org/v1\n");
        string body = new('A', 64);
        sb.Append("-> big\n");
        while (sb.Length <= HeaderLimits.MaxHeaderBytes)
        {
            sb.Append(body).Append('\n');
        }

        sb.Append('\n').Append(Mac);

        Assert.That(Kind(sb.ToString()), Is.EqualTo(AgeErrorKind.Header));
    }

    [Test]
    public void Read_JustUnderTotalCap_Succeeds()
    {
        var sb = new StringBuilder("age-encryption.org/v1\n-> big\n");
        string body = new('A', 64);
        while (sb.Length + 65 + 1 + Mac.Length <= HeaderLimits.MaxHeaderBytes)
        {
            sb.Append(body).Append('\n');
        }

        sb.Append('\n').Append(Mac);

        Assert.That(Kind(sb.ToString(), 1000), Is.Null);
    }

    [Test]
    public void Read_ArgumentLineOverCap_ThrowsHeader()
    {
        string header = "age-encryption.org/v1\n-> " + new string('x', HeaderLimits.MaxArgumentLineBytes) + "\n\n" + Mac;

        Assert.That(Kind(header), Is.EqualTo(AgeErrorKind.Header));
    }

    [Test]
    public void Read_TooManyArguments_ThrowsHeader()
    {
        string args = string.Join(' ', Enumerable.Repeat("a", HeaderLimits.MaxArguments + 1));

        Assert.That(Kind($"age-encryption.org/v1\n-> {args}\n\n{Mac}"), Is.EqualTo(AgeErrorKind.Header));
    }

    [Test]
    public void Read_TooManyStanzas_ThrowsHeader()
    {
        string stanzas = string.Concat(Enumerable.Repeat("-> a\n\n", HeaderLimits.MaxStanzas + 1));

        Assert.That(Kind($"age-encryption.org/v1\n{stanzas}{Mac}"), Is.EqualTo(AgeErrorKind.Header));
    }

    [Test]
    public void Read_MaxStanzas_Succeeds()
    {
        string stanzas = string.Concat(Enumerable.Repeat("-> a\n\n", HeaderLimits.MaxStanzas));

        Assert.That(Kind($"age-encryption.org/v1\n{stanzas}{Mac}"), Is.Null);
    }

    [TestCase("age-encryption.org/v1\n" + Mac, Description = "no stanzas")]
    [TestCase("age-encryption.org/v1\n-> a\nAAA=\n" + Mac, Description = "padded body")]
    [TestCase("age-encryption.org/v1\n-> a\nAB\n" + Mac, Description = "non-canonical body")]
    [TestCase("age-encryption.org/v1\n-> a\n\n--- AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB\n", Description = "non-canonical MAC")]
    [TestCase("age-encryption.org/v1\n-> a  b\n\n" + Mac, Description = "empty argument")]
    [TestCase("age-encryption.org/v1\n-> a\n\n" + "--- AAAA", Description = "truncated MAC line")]
    public void Read_Malformed_ThrowsHeader(string header)
    {
        Assert.That(Kind(header), Is.EqualTo(AgeErrorKind.Header));
    }
}
