namespace WhistleSubmit.Deploy.Tests.Systemd;

/// <summary>A systemd unit file read as (section, key, value) triples; repeated keys keep every value.</summary>
internal sealed class UnitFile
{
    private readonly List<(string Section, string Key, string Value)> entries = [];

    public UnitFile(string path)
    {
        var section = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            entries.Add((section, line[..eq], line[(eq + 1)..]));
        }
    }

    public IReadOnlyList<string> Values(string section, string key) =>
        [.. entries.Where(e => e.Section == section && e.Key == key).Select(e => e.Value)];
}
