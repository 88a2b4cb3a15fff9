using System.Globalization;
using WhistleSubmit.Bench.CryptoProbe;

// crypto-probe aead MIB | payload MIB | stanza — each prints "key=value" lines (bench/README.md says what they mean).
return args switch
{
    ["aead", var mib] => ChunkAeadThroughput.Run(Int(mib)),
    ["payload", var mib] => PayloadThroughput.Run(Int(mib)),
    ["stanza"] => StanzaCost.Run(),
    _ => Usage(),
};

static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: crypto-probe aead MIB | payload MIB | stanza");
    return 2;
}
