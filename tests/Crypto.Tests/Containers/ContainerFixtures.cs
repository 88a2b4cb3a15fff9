using WhistleSubmit.Crypto.Containers;

namespace WhistleSubmit.Crypto.Tests.Containers;

/// <summary>Documents and helpers shared by the container tests.</summary>
internal static class ContainerFixtures
{
    internal const string MinimalReportJson = """{"v":1,"description":"It happened.","client":{"language":"en","encryptedBy":"browser"}}""";

    internal const string OneAttachmentReportJson =
        """{"v":1,"description":"It happened.","attachments":[{"name":"a.txt","size":3}],"client":{"language":"es","encryptedBy":"server"}}""";

    internal static ClientFacts Client { get; } = new() { Language = Language.En, EncryptedBy = EncryptedBy.Browser };

    internal static ReportV1 Report(params (string Name, long Size)[] attachments) => new()
    {
        Description = "Agents used force on a restrained detainee.",
        Attachments = attachments.Select(a => new AttachmentInfo { Name = a.Name, Size = a.Size }).ToList(),
        Client = Client,
    };

    /// <summary>Reads a container, collecting attachment bytes.</summary>
    internal static (SubmissionContents Contents, List<byte[]> Files) Read(byte[] container, ContainerLimits? limits = null)
    {
        var files = new List<byte[]>();
        SubmissionContents contents = SubmissionReader.Read(new MemoryStream(container), (_, s) =>
        {
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            files.Add(copy.ToArray());
        }, limits);
        return (contents, files);
    }

    internal static byte[] Write(ReportV1 report, params byte[][] files)
    {
        using var output = new MemoryStream();
        using (var writer = new SubmissionWriter(output, report, leaveOpen: true))
        {
            foreach (byte[] f in files)
            {
                writer.AddAttachment(new MemoryStream(f));
            }

            writer.Complete();
        }

        return output.ToArray();
    }
}
