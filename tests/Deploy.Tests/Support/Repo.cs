namespace WhistleSubmit.Deploy.Tests.Support;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class Repo
{
    public static string Root => Repository.Root;

    public static string Deploy => Path.Combine(Root, "deploy");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
