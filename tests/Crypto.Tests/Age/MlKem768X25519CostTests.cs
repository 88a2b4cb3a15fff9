using System.Diagnostics;
using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age;

/// <summary>Measures, never asserts: run with <c>--filter TestCategory=Cost</c> to see the cost of one stanza.</summary>
[Explicit("A measurement, not a check.")]
[Category("Cost")]
public class MlKem768X25519CostTests
{
    [Test]
    public void WrapAndUnwrap_OneStanza_PrintsCost()
    {
        const int Rounds = 200;
        var stopwatch = new Stopwatch();
        using var identity = MlKem768X25519Identity.Generate();
        MlKem768X25519Recipient recipient = identity.Recipient;
        using var fileKey = FileKey.Generate();
        for (int i = 0; i < 20; i++)
        {
            using FileKey? warmUp = identity.Unwrap(recipient.Wrap(fileKey));
        }

        var stanzas = new IReadOnlyList<Stanza>[Rounds];
        stopwatch.Start();
        for (int i = 0; i < Rounds; i++)
        {
            stanzas[i] = recipient.Wrap(fileKey);
        }

        double wrap = stopwatch.Elapsed.TotalMilliseconds / Rounds;
        stopwatch.Restart();
        for (int i = 0; i < Rounds; i++)
        {
            using FileKey? unwrapped = identity.Unwrap(stanzas[i]);
        }

        double unwrap = stopwatch.Elapsed.TotalMilliseconds / Rounds;
        stopwatch.Restart();
        for (int i = 0; i < 20; i++)
        {
            using var fresh = MlKem768X25519Identity.FromSeed(new byte[32]);
        }

        double keygen = stopwatch.Elapsed.TotalMilliseconds / 20;
        TestContext.Out.WriteLine($"wrap {wrap:F3} ms/stanza, unwrap {unwrap:F3} ms/stanza, FromSeed {keygen:F3} ms");
        Assert.Pass();
    }
}
