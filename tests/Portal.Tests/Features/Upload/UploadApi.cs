using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.ProofOfWork;

namespace WhistleSubmit.Portal.Tests.Features.Upload;

/// <summary>The upload protocol as a client speaks it (B's browser code does the same in JavaScript).</summary>
internal sealed class UploadApi(HttpClient client)
{
    public const int ChunkSize = 4 * 1024 * 1024;

    public HttpClient Client => client;

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>A real age file to the portal's configured recipients, of about plaintextBytes.</summary>
    public async Task<byte[]> EncryptAsync(int plaintextBytes)
    {
        var recipients = await RecipientsAsync(client);
        return AgeEncryption.Encrypt(RandomNumberGenerator.GetBytes(plaintextBytes), recipients);
    }

    /// <summary>The recipients of /api/config's signed set, verified under the key in /js/team.js, as the browser does.</summary>
    public static async Task<List<IRecipient>> RecipientsAsync(HttpClient client)
    {
        var config = await client.GetFromJsonAsync<JsonObject>(new Uri("/api/config", UriKind.Relative));
        string script = await client.GetStringAsync(new Uri("/js/team.js", UriKind.Relative));
        var team = WhistleSubmit.Crypto.Signing.TeamPublicKey.Parse(script.Split('"')[1]);
        byte[] envelope = System.Text.Encoding.UTF8.GetBytes(config!["recipientSet"]!.GetValue<string>());
        return [.. WhistleSubmit.Crypto.Signing.RecipientSet.Open(envelope, team).Recipients.Select(AgeKeys.ParseRecipient)];
    }

    /// <summary>A challenge priced for an upload of size bytes (as the browser asks for it), solved.</summary>
    public async Task<JsonObject> SolvedPowAsync(long size = 1)
    {
        // A size over the portal's limit has no price (400): such a create is refused anyway, so any challenge does.
        using var priced = await client.GetAsync(new Uri($"/pow/challenge?size={size}", UriKind.Relative));
        var challenge = priced.IsSuccessStatusCode ? await priced.Content.ReadFromJsonAsync<JsonObject>()
            : await client.GetFromJsonAsync<JsonObject>(new Uri("/pow/challenge", UriKind.Relative));
        string token = challenge!["token"]!.GetValue<string>();
        return new JsonObject { ["token"] = token, ["nonce"] = ProofOfWorkSolver.Solve(token) };
    }

    public Task<HttpResponseMessage> CreateRawAsync(JsonObject body) =>
        client.PostAsJsonAsync(new Uri("/api/uploads", UriKind.Relative), body);

    public async Task<HttpResponseMessage> CreateAsync(string kind, string token, long size, JsonObject? pow = null) =>
        await CreateRawAsync(new JsonObject
        {
            ["kind"] = kind,
            ["mailboxToken"] = token,
            ["size"] = size,
            ["pow"] = pow ?? await SolvedPowAsync(Math.Max(size, 1)),
        });

    public async Task<string> CreateOkAsync(string kind, string token, long size)
    {
        using var response = await CreateAsync(kind, token, size);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["uploadId"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> PutChunkAsync(string uploadId, int index, ReadOnlyMemory<byte> bytes)
    {
        var content = new ReadOnlyMemoryContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PutAsync(new Uri($"/api/uploads/{uploadId}/chunks/{index}", UriKind.Relative), content);
    }

    public Task<HttpResponseMessage> CompleteAsync(string uploadId) =>
        client.PostAsync(new Uri($"/api/uploads/{uploadId}/complete", UriKind.Relative), null);

    /// <summary>The whole protocol; returns the receipt.</summary>
    public async Task<string> UploadAsync(byte[] ciphertext, string kind = "submission", string? token = null)
    {
        string uploadId = await CreateOkAsync(kind, token ?? NewToken(), ciphertext.Length);
        for (int i = 0; i * ChunkSize < ciphertext.Length; i++)
        {
            using var put = await PutChunkAsync(uploadId, i, ciphertext.AsMemory(i * ChunkSize, Math.Min(ChunkSize, ciphertext.Length - (i * ChunkSize))));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        using var complete = await CompleteAsync(uploadId);
        Assert.That(complete.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await complete.Content.ReadFromJsonAsync<JsonObject>();
        return body!["receipt"]!.GetValue<string>();
    }
}
