using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Containers;

namespace WhistleSubmit.Bench.BundleMaker;

/// <summary>
/// <c>bundle-maker reports OUT RECIPIENT COUNT KIB</c>: COUNT reports of about KIB KiB each (a description of random
/// words plus one random attachment). <c>bundle-maker big OUT RECIPIENT MIB WORKDIR</c>: one report with one random
/// attachment of MIB MiB, encrypted to a file in WORKDIR first (memory stays flat). Both encrypt with the real writers.
/// </summary>
internal static class Program
{
    private static readonly string[] Words = ["officer", "detainee", "transfer", "bench", "supervisor", "camera", "log", "shift",
        "night", "facility", "report", "witness", "arrest", "quota", "form", "hallway", "hour", "signed", "restrained", "van"];

    private static int Main(string[] args)
    {
        IRecipient recipient = AgeKeys.ParseRecipient(args[2]);
        var writer = new BundleWriter(BundleKind.Submissions, DateOnly.FromDateTime(DateTime.UtcNow));
        if (args[0] == "reports")
        {
            int count = int.Parse(args[3], CultureInfo.InvariantCulture);
            int size = int.Parse(args[4], CultureInfo.InvariantCulture) * 1024;
            for (int i = 0; i < count; i++)
            {
                byte[] item = Encrypt(Report(Description(4096)), RandomNumberGenerator.GetBytes(size - 4096), recipient);
                writer.Add(BundleItem.NewId(), Mailbox(), BundleItemKind.Submission, item.Length, () => new MemoryStream(item));
            }
        }
        else
        {
            long bytes = long.Parse(args[3], CultureInfo.InvariantCulture) * 1024 * 1024;
            string itemPath = Path.Combine(args[4], "big-item.age");
            using (FileStream file = File.Create(itemPath))
            using (Stream sealing = AgeEncryption.Encrypt(file, [recipient], leaveOpen: true))
            using (var container = new SubmissionWriter(sealing, Report(Description(2048)) with
            {
                Attachments = [new AttachmentInfo { Name = "recording.bin", Size = bytes }],
            }, leaveOpen: true))
            {
                container.AddAttachment(new RandomStream(bytes));
                container.Complete();
            }

            writer.Add(BundleItem.NewId(), Mailbox(), BundleItemKind.Submission, new FileInfo(itemPath).Length, () => File.OpenRead(itemPath));
        }

        using FileStream output = File.Create(args[1]);
        writer.WriteTo(output);
        return 0;
    }

    private static ReportV1 Report(string description) => new()
    {
        Description = description,
        Categories = [Category.UnlawfulForce],
        Where = new IncidentWhere { State = "TX" },
        Client = new ClientFacts { Language = Language.En, EncryptedBy = EncryptedBy.Browser },
    };

    private static byte[] Encrypt(ReportV1 report, byte[] attachment, IRecipient recipient)
    {
        using var plaintext = new MemoryStream();
        using (var container = new SubmissionWriter(plaintext, report with
        {
            Attachments = [new AttachmentInfo { Name = "scan.bin", Size = attachment.Length }],
        }, leaveOpen: true))
        {
            container.AddAttachment(new MemoryStream(attachment));
            container.Complete();
        }

        return AgeEncryption.Encrypt(plaintext.ToArray(), [recipient]);
    }

    /// <summary>Random words, so that no two reports are near-duplicates (import compares every new description).</summary>
    private static string Description(int length)
    {
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            text.Append(Words[RandomNumberGenerator.GetInt32(Words.Length)]).Append(' ');
        }

        return text.ToString(0, length).Trim();
    }

    private static string Mailbox() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>A read-only stream of <paramref name="length"/> random bytes, produced 1 MiB at a time.</summary>
    private sealed class RandomStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(Math.Min(count, 1 << 20), length - position);
            RandomNumberGenerator.Fill(buffer.AsSpan(offset, n));
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
