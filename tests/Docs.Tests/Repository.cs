namespace WhistleSubmit.Docs.Tests;

/// <summary>The repository the tests run in, and the text files in it that may cite docs/.</summary>
internal static class Repository
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal)
    {
        ".git", "bin", "obj", "node_modules", "TestResults",
    };

    private const long MaxTextBytes = 4L << 20;

    public static string Root { get; } = FindRoot();

    /// <summary>Every text file (no NUL byte in it, at most 4 MiB), as a path relative to the root with '/' separators.</summary>
    public static IEnumerable<string> TextFiles()
    {
        var pending = new Stack<string>([Root]);
        while (pending.Count > 0)
        {
            string directory = pending.Pop();
            foreach (string sub in Directory.EnumerateDirectories(directory))
            {
                if (!SkippedDirectories.Contains(Path.GetFileName(sub)))
                {
                    pending.Push(sub);
                }
            }

            foreach (string file in Directory.EnumerateFiles(directory))
            {
                if (IsText(file))
                {
                    yield return Path.GetRelativePath(Root, file).Replace('\\', '/');
                }
            }
        }
    }

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    private static bool IsText(string file)
    {
        var info = new FileInfo(file);
        if (info.Length > MaxTextBytes)
        {
            return false;
        }

        byte[] head = new byte[Math.Min(info.Length, 8192)];
        using (FileStream stream = info.OpenRead())
        {
            stream.ReadExactly(head);
        }

        return Array.IndexOf(head, (byte)0) < 0;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WhistleSubmit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("WhistleSubmit.sln not found above the test directory.");
    }
}
