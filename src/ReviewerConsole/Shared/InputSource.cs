using System.Security.Cryptography;

namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>Opens the input named on the command line, or standard input when it is omitted or "-".</summary>
internal static class InputSource
{
    public static bool IsStandardInput(string? path) => path is null or "-";

    public static Stream Open(string? path, string role = "input file")
    {
        if (IsStandardInput(path))
        {
            return Console.OpenStandardInput();
        }

        try
        {
            return new FileStream(path!, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw OpenFailure(role, path!, ex);
        }
    }

    public static byte[] ReadAll(string? path, string role)
    {
        using Stream stream = Open(path, role);
        using var buffer = new MemoryStream();
        try
        {
            stream.CopyTo(buffer);
        }
        catch (IOException ex)
        {
            throw OpenFailure(role, path ?? "-", ex);
        }

        byte[] bytes = buffer.ToArray();
        // Identity files hold secrets: don't leave a second copy behind in the stream's buffer.
        CryptographicOperations.ZeroMemory(buffer.GetBuffer());
        return bytes;
    }

    internal static CliException OpenFailure(string role, string path, Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => new CliException($"can't open {role} \"{path}\": no such file", null, ex),
        UnauthorizedAccessException => new CliException($"can't open {role} \"{path}\": permission denied (or it is a directory)", null, ex),
        _ => new CliException($"can't read {role} \"{path}\": {ex.Message}", null, ex),
    };
}
