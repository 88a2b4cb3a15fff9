namespace WhistleSubmit.TestSupport;

/// <summary>
/// A fresh private directory (mode 0700) per use, removed on dispose, so leftover (temporary) files can be detected
/// and nothing a test writes is readable by other users.
/// </summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "whistlesubmit-tests-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

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

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that outlived its test may still hold a file; the OS cleans the temp directory.
        }
    }
}
