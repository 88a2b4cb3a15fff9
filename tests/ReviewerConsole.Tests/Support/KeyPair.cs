using System.Text.RegularExpressions;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>A key file written by <c>whistle-review age keygen -o</c>, with its public key read from the file.</summary>
internal sealed partial record KeyPair(string IdentityFile, string PublicKey)
{
    public static KeyPair Generate(TempDirectory directory, string name, bool postQuantum = false)
    {
        string path = directory.File(name);
        string[] args = postQuantum ? ["age", "keygen", "--pq", "-o", path] : ["age", "keygen", "-o", path];
        CliResult result = WhistleReview.Run(directory.Path, args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"keygen failed: {result}");
        }

        Match match = PublicKeyLine().Match(File.ReadAllText(path));
        return new KeyPair(path, match.Groups[1].Value);
    }

    [GeneratedRegex("^# public key: (age1\\S+)$", RegexOptions.Multiline)]
    private static partial Regex PublicKeyLine();
}
