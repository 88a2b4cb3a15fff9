using System.Diagnostics;
using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Bench.CryptoProbe;

/// <summary>The cost of one post-quantum (mlkem768x25519) stanza: wrap, unwrap, and deriving an identity from a seed.</summary>
internal static class StanzaCost
{
    private const int Rounds = 200;

    public static int Run()
    {
        using var identity = MlKem768X25519Identity.Generate();
        MlKem768X25519Recipient recipient = identity.Recipient;
        using var fileKey = FileKey.Generate();
        for (int i = 0; i < 20; i++)
        {
            using FileKey? warmUp = identity.Unwrap(recipient.Wrap(fileKey));
        }

        var stanzas = new IReadOnlyList<Stanza>[Rounds];
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < Rounds; i++)
        {
            stanzas[i] = recipient.Wrap(fileKey);
        }

        double wrap = watch.Elapsed.TotalMilliseconds / Rounds;
        watch.Restart();
        for (int i = 0; i < Rounds; i++)
        {
            using FileKey unwrapped = identity.Unwrap(stanzas[i]) ?? throw new InvalidOperationException("A stanza wrapped here did not unwrap.");
        }

        double unwrap = watch.Elapsed.TotalMilliseconds / Rounds;
        watch.Restart();
        for (int i = 0; i < 20; i++)
        {
            using var fresh = MlKem768X25519Identity.FromSeed(new byte[32]);
        }

        double fromSeed = watch.Elapsed.TotalMilliseconds / 20;
        Measure.Print("stanza_wrap_ms", wrap);
        Measure.Print("stanza_unwrap_ms", unwrap);
        Measure.Print("identity_from_seed_ms", fromSeed);
        return 0;
    }
}
