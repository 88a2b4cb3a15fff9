using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WhistleSubmit.Crypto.ProofOfWork;

namespace WhistleSubmit.Bench.PortalLoad;

/// <summary>The upload protocol of docs/PORTAL.md#upload-api, minimal: challenge, create, chunks, complete.</summary>
public static class Protocol
{
    public static async Task<string> CreateAsync(HttpClient http, long size)
    {
        using var response = await TryCreateAsync(http, size, "submission", NewMailboxToken());
        Expect(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["uploadId"]!.GetValue<string>();
    }

    public static string NewMailboxToken() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>A challenge priced for size (GET /pow/challenge?size=), solved on this thread, then the create request.</summary>
    public static async Task<HttpResponseMessage> TryCreateAsync(HttpClient http, long size, string kind, string mailboxToken, CancellationToken cancel = default)
    {
        var challenge = await http.GetFromJsonAsync<JsonObject>(new Uri($"/pow/challenge?size={size}", UriKind.Relative), cancel);
        string token = challenge!["token"]!.GetValue<string>();
        var body = new JsonObject
        {
            ["kind"] = kind,
            ["mailboxToken"] = mailboxToken,
            ["size"] = size,
            ["pow"] = new JsonObject { ["token"] = token, ["nonce"] = ProofOfWorkSolver.Solve(token, cancel) },
        };
        return await http.PostAsJsonAsync(new Uri("/api/uploads", UriKind.Relative), body, cancel);
    }

    public static async Task PutAsync(HttpClient http, string id, int index, ReadOnlyMemory<byte> chunk)
    {
        var content = new ReadOnlyMemoryContent(chunk);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await http.PutAsync(new Uri($"/api/uploads/{id}/chunks/{index}", UriKind.Relative), content);
        Expect(response, HttpStatusCode.NoContent);
    }

    public static async Task CompleteAsync(HttpClient http, string id)
    {
        using var response = await http.PostAsync(new Uri($"/api/uploads/{id}/complete", UriKind.Relative), null);
        Expect(response, HttpStatusCode.Created);
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new HttpRequestException($"expected {(int)status}, got {(int)response.StatusCode}");
        }
    }
}
