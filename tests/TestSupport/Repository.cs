namespace WhistleSubmit.TestSupport;

/// <summary>The checkout the tests run from: the directory holding WhistleSubmit.sln, above the test assembly.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string Source(string project) => Path.Combine(Root, "src", project);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WhistleSubmit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("WhistleSubmit.sln not found above the test assembly");
    }
}
