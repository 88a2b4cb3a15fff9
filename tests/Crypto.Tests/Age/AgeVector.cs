using System.IO.Compression;
using System.Text;

namespace WhistleSubmit.Crypto.Tests.Age;

/// <summary>
/// One C2SP CCTV age vector (https://github.com/C2SP/CCTV/tree/main/age, 0BSD/CC0/Unlicense):
/// <c>key: value</c> lines, a blank line, then the age file (zlib-compressed when <c>compressed: zlib</c>).
/// </summary>
internal sealed class AgeVector
{
    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "TestVectors", "age");

    private AgeVector(string name, Dictionary<string, List<string>> fields, byte[] body)
    {
        Name = name;
        Fields = fields;
        Body = body;
    }

    public string Name { get; }

    public Dictionary<string, List<string>> Fields { get; }

    public byte[] Body { get; }

    public string Expect => Fields["expect"][0];

    public string? Payload => Fields.TryGetValue("payload", out var v) ? v[0] : null;

    public IReadOnlyList<string> Values(string key) => Fields.TryGetValue(key, out var v) ? v : [];

    public static IEnumerable<string> Names() =>
        System.IO.Directory.GetFiles(Directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => !n.Contains('.', StringComparison.Ordinal) && n != "INDEX")
            .Order(StringComparer.Ordinal);

    public static AgeVector Load(string name)
    {
        byte[] raw = File.ReadAllBytes(Path.Combine(Directory, name));
        var fields = new Dictionary<string, List<string>>();
        int pos = 0;
        while (true)
        {
            int lf = Array.IndexOf(raw, (byte)'\n', pos);
            string line = Encoding.UTF8.GetString(raw, pos, lf - pos);
            pos = lf + 1;
            if (line.Length == 0)
            {
                break;
            }

            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            string key = line[..colon];
            if (!fields.TryGetValue(key, out var list))
            {
                fields[key] = list = [];
            }

            list.Add(line[(colon + 2)..]);
        }

        byte[] body = raw[pos..];
        if (fields.TryGetValue("compressed", out var c) && c[0] == "zlib")
        {
            using var z = new ZLibStream(new MemoryStream(body), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            z.CopyTo(ms);
            body = ms.ToArray();
        }

        return new AgeVector(name, fields, body);
    }
}
