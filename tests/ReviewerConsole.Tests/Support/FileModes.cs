namespace WhistleSubmit.ReviewerConsole.Tests.Support;

internal static class FileModes
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The file's permission bits; null on Windows, which has none (these tests target Linux).</summary>
    public static UnixFileMode? Of(string path) => OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(path);
}
