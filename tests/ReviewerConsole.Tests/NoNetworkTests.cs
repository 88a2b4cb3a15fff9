using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace WhistleSubmit.ReviewerConsole.Tests;

/// <summary>
/// docs/ARCHITECTURE.md#invariants, 6 / issue 4: the console has no network code at all. Scans the metadata of the console and
/// the libraries it is built from for any reference to a networking type or assembly. Terminal.Gui and Spectre.Console
/// are not listed: they reference HttpClient and Dns for features the console never uses (so this scan cannot pass on
/// them), and <see cref="NoConnectionTests"/> proves at run time, under strace, that no socket is ever opened.
/// </summary>
[TestFixture]
public sealed class NoNetworkTests
{
    private static readonly string[] Forbidden = ["System.Net", "HttpClient", "Socket", "WebClient", "WebRequest", "Dns", "TcpClient", "UdpClient", "WebSocket"];

    [TestCase("whistle-review.dll")]
    [TestCase("WhistleSubmit.Crypto.dll")]
    [TestCase("WhistleSubmit.EncryptedStore.dll")]
    [TestCase("LiteDB.dll")]
    [TestCase("Konscious.Security.Cryptography.Argon2.dll")]
    [TestCase("System.CommandLine.dll")]
    public void Assembly_ReferencedTypesAndAssemblies_IncludeNoNetworking(string file)
    {
        IReadOnlyList<string> references = NetworkReferences(Path.Combine(TestContext.CurrentContext.TestDirectory, file));

        Assert.That(references, Is.Empty);
    }

    [Test]
    public void Scanner_AssemblyThatUsesSockets_IsCaught()
    {
        // This test assembly references Socket right here, so the scanner must find it: the check above can fail.
        Assert.That(typeof(System.Net.Sockets.Socket).Name, Is.EqualTo("Socket"));

        IReadOnlyList<string> references = NetworkReferences(typeof(NoNetworkTests).Assembly.Location);

        Assert.That(references, Has.Some.Contains("System.Net.Sockets.Socket"));
    }

    private static List<string> NetworkReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader md = pe.GetMetadataReader();
        var names = new List<string>();
        names.AddRange(md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)));
        names.AddRange(md.TypeReferences.Select(h => md.GetTypeReference(h)).Select(t => md.GetString(t.Namespace) + "." + md.GetString(t.Name)));
        foreach (MemberReferenceHandle h in md.MemberReferences)
        {
            MemberReference member = md.GetMemberReference(h);
            if (member.Parent.Kind == HandleKind.TypeReference)
            {
                TypeReference parent = md.GetTypeReference((TypeReferenceHandle)member.Parent);
                names.Add(md.GetString(parent.Namespace) + "." + md.GetString(parent.Name) + "::" + md.GetString(member.Name));
            }
        }

        return [.. names.Where(n => Forbidden.Any(f => n.Contains(f, StringComparison.Ordinal))).Distinct()];
    }
}
