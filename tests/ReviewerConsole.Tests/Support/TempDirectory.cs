namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>A fresh directory per test, removed afterwards, so leftover (temporary) files can be detected.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("whistle-review-tests-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        string path = File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public string Write(string name, byte[] bytes)
    {
        string path = File(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public IEnumerable<string> FileNames() => Directory.EnumerateFiles(Path).Select(System.IO.Path.GetFileName)!;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
