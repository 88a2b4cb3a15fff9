namespace WhistleSubmit.Deploy.Tests.Support;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Deploy => Path.Combine(Root, "deploy");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WhistleSubmit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("WhistleSubmit.sln not found above the test assembly");
    }
}
