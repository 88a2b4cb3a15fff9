using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.ProofOfWork;

namespace WhistleSubmit.Bench.CrashBench;

/// <summary>A source speaking the upload protocol (docs/PORTAL.md#upload-api), in 4 MiB chunks as the browser does.</summary>
internal sealed class Source(HttpClient http, IRecipient recipient)
{
    private const int ChunkSize = 4 * 1024 * 1024;

    /// <summary>Encrypts <paramref name="plaintextBytes"/> random bytes and uploads them; the receipt once acknowledged (201).</summary>
    public async Task<(string Receipt, string Token, string Sha256)> SubmitAsync(int plaintextBytes, CancellationToken cancel)
    {
        byte[] ciphertext = AgeEncryption.Encrypt(RandomNumberGenerator.GetBytes(plaintextBytes), [recipient]);
        var challenge = await http.GetFromJsonAsync<JsonObject>(new Uri("/pow/challenge", UriKind.Relative), cancel);
        string pow = challenge!["token"]!.GetValue<string>();
        string token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        using var create = await http.PostAsJsonAsync(new Uri("/api/uploads", UriKind.Relative), new JsonObject
        {
            ["kind"] = "submission",
            ["mailboxToken"] = token,
            ["size"] = ciphertext.Length,
            ["pow"] = new JsonObject { ["token"] = pow, ["nonce"] = ProofOfWorkSolver.Solve(pow, cancel) },
        }, cancel);
        Expect(create, HttpStatusCode.Created);
        string upload = (await create.Content.ReadFromJsonAsync<JsonObject>(cancel))!["uploadId"]!.GetValue<string>();
        for (int i = 0; i * ChunkSize < ciphertext.Length; i++)
        {
            var content = new ReadOnlyMemoryContent(ciphertext.AsMemory(i * ChunkSize, Math.Min(ChunkSize, ciphertext.Length - (i * ChunkSize))));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var put = await http.PutAsync(new Uri($"/api/uploads/{upload}/chunks/{i}", UriKind.Relative), content, cancel);
            Expect(put, HttpStatusCode.NoContent);
        }

        using var complete = await http.PostAsync(new Uri($"/api/uploads/{upload}/complete", UriKind.Relative), null, cancel);
        Expect(complete, HttpStatusCode.Created);
        string receipt = (await complete.Content.ReadFromJsonAsync<JsonObject>(cancel))!["receipt"]!.GetValue<string>();
        return (receipt, token, Convert.ToHexStringLower(SHA256.HashData(ciphertext)));
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new HttpRequestException($"expected {(int)status}, got {(int)response.StatusCode}");
        }
    }
}
