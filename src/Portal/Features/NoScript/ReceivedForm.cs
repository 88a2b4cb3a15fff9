namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>
/// A no-JS form as received: its text fields (in memory, bounded) and its attachments (spooled encrypted). Disposing
/// it deletes the spooled files.
/// </summary>
public sealed class ReceivedForm : IDisposable
{
    private readonly Dictionary<string, List<string>> fields = new(StringComparer.Ordinal);

    public List<SpooledFile> Files { get; } = [];

    public long TotalFileBytes => Files.Sum(f => f.Length);

    public string? Single(string name) => fields.TryGetValue(name, out var values) ? values[0] : null;

    public IReadOnlyList<string> All(string name) => fields.TryGetValue(name, out var values) ? values : [];

    internal void Add(string name, string value)
    {
        if (!fields.TryGetValue(name, out var values))
        {
            fields[name] = values = [];
        }

        values.Add(value);
    }

    public void Dispose()
    {
        foreach (var file in Files)
        {
            file.Dispose();
        }

        Files.Clear();
    }
}
