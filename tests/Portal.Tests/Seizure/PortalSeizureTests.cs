using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LiteDB;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Admin;
using WhistleSubmit.Portal.Tests.Features.Submit;
using WhistleSubmit.Portal.Tests.Features.Upload;
using WhistleSubmit.Portal.Tests.Store;

namespace WhistleSubmit.Portal.Tests.Seizure;

/// <summary>
/// Issue 14, first version of the portal seizure test: a short day on the real portal process (API submissions and a
/// follow-up with files, a no-JS report with an attachment, an abandoned upload, mailbox checks with identifying
/// headers), a clean stop, then the data
/// directory is taken with its key ring: every file and its times are walked, the store is opened with the portal's
/// own code and every record of every collection is walked. What may be found is exactly the list in
/// SECURITY.md#what-a-seized-portal-reveals (<see cref="Revealed"/>); canaries for each kind of secret must be nowhere.
/// </summary>
public partial class PortalSeizureTests
{
    private const string UserAgentCanary = "canary-agent-7f3b";
    private const string AddressCanary = "203.0.113.77";
    private const string FileNameCanary = "canary-filename-91c2.pdf";
    private const string TextCanary = "canary-report-text-4d8e";
    private const string LanguageCanary = "es-MX";

    /// <summary>Per collection, the only fields a record may have (SECURITY.md#what-a-seized-portal-reveals).</summary>
    private static readonly Dictionary<string, string[]> Revealed = new(StringComparer.Ordinal)
    {
        ["mailboxes"] = ["_id", "day"],
        ["items"] = ["_id", "mailbox", "kind", "day", "size", "blob", "chunks", "exported", "read"],
        ["uploads"] = ["_id", "kind", "mailbox", "size", "next", "received", "expires"],
        ["_files"] = ["_id", "filename", "mimeType", "length", "chunks", "uploadDate", "metadata"],
        ["_chunks"] = ["_id", "data"],
        ["exports"] = ["_id", "day", "items", "atRestKey", "atRestLength"],
        ["confirmedExports"] = ["_id"],
        ["consoleAuditHeads"] = ["_id", "bundle", "head", "time"],
        ["reviewers"] = ["_id", "hash", "totp", "mustChange", "created", "lastLogin", "failures", "lockedDay", "stamp"],
        ["transferAudit"] = ["_id", "time", "account", "action", "detail", "hash"],
    };

    /// <summary>Secret or random text (a password hash, an age secret key) in which a "clock time" would be chance.</summary>
    private static readonly HashSet<string> Opaque = new(StringComparer.Ordinal) { "reviewers.hash", "exports.atRestKey" };

    [Test]
    public async Task ShortDay_DataDirectorySeizedWithKeyRing_RevealsOnlyTheDocumentedList()
    {
        string data = Directory.CreateTempSubdirectory("whistle-seizure-").FullName;
        string token = UploadApi.NewToken();
        string abandonedToken = UploadApi.NewToken();
        try
        {
            using (var server = await PortalProcess.StartServerAsync(data))
            using (var http = new HttpClient { BaseAddress = server.Address })
            {
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgentCanary);
                http.DefaultRequestHeaders.Add("X-Forwarded-For", AddressCanary);
                var api = new UploadApi(http);

                // A submission and a follow-up with "files" whose names and text are canaries, then an upload left half-way.
                await UploadAsync(api, "submission", token, 70_000);
                await UploadAsync(api, "followup", token, 5_000);
                byte[] abandoned = await EncryptAsync(api, 9_000);
                string abandonedId = await api.CreateOkAsync("submission", abandonedToken, abandoned.Length);
                Assert.That(abandonedId, Is.Not.Empty);

                // A no-JS report with an attachment (spooled to the data directory, then sealed by the server).
                var form = new NoJsFormClient(http);
                await form.LoadAsync();
                await Task.Delay(TimeSpan.FromSeconds(5.5));
                var (status, html) = await form.PostAsync(NoJsFormClient.Body(
                    [.. form.Tokens(), NoJsFormClient.Field("description", TextCanary), ("files", FileNameCanary, Encoding.UTF8.GetBytes(TextCanary + " attached"))]));
                Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(html, Does.Contain("id=\"receipt\""));

                // Mailbox checks: replies listed (none yet) and marked read.
                using (var list = new HttpRequestMessage(HttpMethod.Get, "/api/mailbox/replies"))
                {
                    list.Headers.Add("X-Mailbox-Token", token);
                    using var response = await http.SendAsync(list);
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                }

                using (var read = new HttpRequestMessage(HttpMethod.Post, "/api/mailbox/read"))
                {
                    read.Headers.Add("X-Mailbox-Token", token);
                    using var response = await http.SendAsync(read);
                    Assert.That(response.IsSuccessStatusCode, Is.True);
                }

                await StopCleanlyAsync(server.Process);
            }

            var canaries = new[] { token, abandonedToken, UserAgentCanary, AddressCanary, FileNameCanary, TextCanary };
            Assert.That(DataDirectoryCanaries.FilesContaining(data, canaries), Is.Empty);
            AssertFileTimesAreDays(data);

            using var seized = new StoreFixture(data);
            var records = seized.Store.Read(db => db.GetCollectionNames().ToDictionary(
                name => name, name => db.GetCollection(name).FindAll().ToList(), StringComparer.Ordinal));
            Assert.That(records["items"], Has.Count.EqualTo(3));
            Assert.That(records["uploads"], Has.Count.EqualTo(1));
            var now = new[] { DateTimeOffset.UtcNow };
            foreach (var (name, documents) in records)
            {
                Assert.That(Revealed.ContainsKey(name), Is.True, $"collection {name} is not in the documented list");
                foreach (var document in documents)
                {
                    Assert.That(document.Keys, Is.SubsetOf(Revealed[name]), name);
                    Walk(name, document, now, canaries);
                }
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task UploadAsync(UploadApi api, string kind, string token, int plaintextBytes)
    {
        byte[] ciphertext = await EncryptAsync(api, plaintextBytes);
        string id = await api.CreateOkAsync(kind, token, ciphertext.Length);
        using (var put = await api.PutChunkAsync(id, 0, ciphertext))
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        using var complete = await api.CompleteAsync(id);
        Assert.That(complete.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    // What a browser would encrypt: a "file" named by a canary with canary text, to the portal's recipients.
    private static async Task<byte[]> EncryptAsync(UploadApi api, int plaintextBytes)
    {
        var recipients = await UploadApi.RecipientsAsync(api.Client);
        var plaintext = new StringBuilder();
        while (plaintext.Length < plaintextBytes)
        {
            plaintext.Append(FileNameCanary).Append(' ').Append(TextCanary).Append('\n');
        }

        return AgeEncryption.Encrypt(Encoding.UTF8.GetBytes(plaintext.ToString()), recipients);
    }

    // SIGTERM, as systemd stops the service: the portal's shutdown runs (its last stamp of the file times).
    private static async Task StopCleanlyAsync(Process process)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    private static void AssertFileTimesAreDays(string data)
    {
        foreach (string path in Directory.EnumerateFileSystemEntries(data, "*", SearchOption.AllDirectories).Append(data))
        {
            if (Path.GetFileName(path) == "admin.sock")
            {
                continue;
            }

            Assert.That(Directory.GetLastWriteTimeUtc(path).TimeOfDay, Is.EqualTo(TimeSpan.Zero), $"mtime of {path}");
        }
    }

    // No time finer than a UTC day in any form (a date-time, Unix seconds or milliseconds near one of the clocks the
    // portal ran on, a clock time in text), no canary. 00:00 UTC of a day, in any of these forms, is a day.
    private static void Walk(string where, BsonValue value, DateTimeOffset[] nows, string[] canaries)
    {
        switch (value.Type)
        {
            case BsonType.Document:
                foreach (var (key, inner) in value.AsDocument)
                {
                    Walk($"{where}.{key}", inner, nows, canaries);
                }

                break;
            case BsonType.Array:
                foreach (var inner in value.AsArray)
                {
                    Walk(where, inner, nows, canaries);
                }

                break;
            case BsonType.DateTime:
                Assert.That(value.AsDateTime.ToUniversalTime().TimeOfDay, Is.EqualTo(TimeSpan.Zero), where);
                break;
            case BsonType.Int32 or BsonType.Int64 or BsonType.Double:
                double n = value.AsDouble;
                foreach (var now in nows)
                {
                    Assert.That(Math.Abs(n - now.ToUnixTimeSeconds()) > 3 * 86400 || n % 86400 == 0, Is.True, $"{where}: Unix seconds? {n}");
                    Assert.That(Math.Abs(n - now.ToUnixTimeMilliseconds()) > 3 * 86400 * 1000.0 || n % 86_400_000 == 0, Is.True, $"{where}: Unix milliseconds? {n}");
                }

                break;
            case BsonType.String:
                string s = value.AsString;
                Assert.That(!Opaque.Contains(where) && ClockTime().IsMatch(s), Is.False, $"{where}: {s}");
                Assert.That(canaries.Any(c => s.Contains(c, StringComparison.OrdinalIgnoreCase)), Is.False, where);
                break;
            case BsonType.Binary:
                string text = Encoding.UTF8.GetString(value.AsBinary);
                Assert.That(canaries.Any(c => text.Contains(c, StringComparison.OrdinalIgnoreCase)), Is.False, where);
                break;
        }
    }

    [GeneratedRegex(@"\d{1,2}:\d{2}|T\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex ClockTime();
}
