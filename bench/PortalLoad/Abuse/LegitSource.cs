using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace WhistleSubmit.Bench.PortalLoad.Abuse;

/// <summary>
/// A real source's submission over the upload protocol, behaving like the browser (src/Portal/ClientApp/src/upload.js):
/// a challenge priced for its size, create, chunks in order, complete; network errors, 5xx, 408 and 409 are retried
/// with backoff after asking the server where it stands. A real age header, then synthetic payload.
/// </summary>
public static class LegitSource
{
    private const int ChunkSize = 4 * 1024 * 1024;
    private const int MaxAttempts = 12;

    public sealed record Outcome(bool Succeeded, double Seconds, int Retries, string Detail);

    public static async Task<Outcome> SubmitAsync(Uri portal, long bytes, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = portal,
            Timeout = TimeSpan.FromMinutes(2),
        };
        var clock = Stopwatch.StartNew();
        int retries = 0;
        try
        {
            byte[] header = Ciphertexts.Header(await RecipientsAsync(http, () => retries++, cancel.Token));
            string id = await CreateAsync(http, bytes, () => retries++, cancel.Token);
            byte[] chunk = new byte[ChunkSize];
            System.Security.Cryptography.RandomNumberGenerator.Fill(chunk);
            header.CopyTo(chunk, 0);
            int count = (int)((bytes + ChunkSize - 1) / ChunkSize);
            for (int i = 0; i < count; i++)
            {
                int length = (int)Math.Min(ChunkSize, bytes - ((long)i * ChunkSize));
                await PutAsync(http, id, i, chunk.AsMemory(0, length), () => retries++, cancel.Token);
                if (i == 0)
                {
                    System.Security.Cryptography.RandomNumberGenerator.Fill(chunk.AsSpan(0, header.Length));
                }
            }

            await CompleteAsync(http, id, () => retries++, cancel.Token);
            return new Outcome(true, clock.Elapsed.TotalSeconds, retries, "201");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException or InvalidOperationException)
        {
            return new Outcome(false, clock.Elapsed.TotalSeconds, retries, e is OperationCanceledException ? "timed out" : e.Message);
        }
    }

    // The browser's worker retries this fetch like every other request (upload.js, Http.json).
    private static async Task<IReadOnlyList<WhistleSubmit.Crypto.Age.IRecipient>> RecipientsAsync(HttpClient http, Action retried, CancellationToken cancel)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await Ciphertexts.RecipientsAsync(http);
            }
            catch (HttpRequestException) when (attempt < MaxAttempts)
            {
                retried();
                await BackoffAsync(attempt, cancel);
            }
        }
    }

    private static async Task<string> CreateAsync(HttpClient http, long size, Action retried, CancellationToken cancel)
    {
        for (int attempt = 1; ; attempt++)
        {
            int status = 0;
            try
            {
                using var response = await Protocol.TryCreateAsync(http, size, "submission", Protocol.NewMailboxToken(), cancel);
                status = (int)response.StatusCode;
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    return (await response.Content.ReadFromJsonAsync<JsonObject>(cancel))!["uploadId"]!.GetValue<string>();
                }
            }
            catch (HttpRequestException)
            {
            }

            if (!Retryable(status) || attempt >= MaxAttempts)
            {
                throw new HttpRequestException($"create: {status}");
            }

            retried();
            await BackoffAsync(attempt, cancel);
        }
    }

    private static async Task PutAsync(HttpClient http, string id, int index, ReadOnlyMemory<byte> chunk, Action retried, CancellationToken cancel)
    {
        for (int attempt = 1; ; attempt++)
        {
            int status = 0;
            try
            {
                var content = new ReadOnlyMemoryContent(chunk);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                using var response = await http.PutAsync(new Uri($"/api/uploads/{id}/chunks/{index}", UriKind.Relative), content, cancel);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
            }

            if (status == 204)
            {
                return;
            }

            if (status is 404 or 413 || attempt >= MaxAttempts)
            {
                throw new HttpRequestException($"chunk {index}: {status}");
            }

            retried();
            await BackoffAsync(attempt, cancel);
            var state = await StateAsync(http, id, cancel);
            if (state == index + 1)
            {
                return;
            }

            if (state != index)
            {
                throw new HttpRequestException($"chunk {index}: server expects {state}");
            }
        }
    }

    private static async Task<int?> StateAsync(HttpClient http, string id, CancellationToken cancel)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                var state = await http.GetFromJsonAsync<JsonObject>(new Uri($"/api/uploads/{id}", UriKind.Relative), cancel);
                return state!["nextChunk"]!.GetValue<int>();
            }
            catch (HttpRequestException) when (attempt < MaxAttempts)
            {
                await BackoffAsync(attempt, cancel);
            }
        }
    }

    private static async Task CompleteAsync(HttpClient http, string id, Action retried, CancellationToken cancel)
    {
        for (int attempt = 1; ; attempt++)
        {
            int status = 0;
            try
            {
                using var response = await http.PostAsync(new Uri($"/api/uploads/{id}/complete", UriKind.Relative), null, cancel);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
            }

            // A 404 after a lost 201 means it was stored; the bench counts only a 201 it saw.
            if (status == 201)
            {
                return;
            }

            if (!Retryable(status) || attempt >= MaxAttempts)
            {
                throw new HttpRequestException($"complete: {status}");
            }

            retried();
            await BackoffAsync(attempt, cancel);
        }
    }

    private static bool Retryable(int status) => status is 0 or >= 500 or 408 or 409;

    private static Task BackoffAsync(int attempt, CancellationToken cancel) =>
        Task.Delay(TimeSpan.FromMilliseconds(Math.Min(8000, 250 * (1 << Math.Min(attempt, 10)))), cancel);
}
