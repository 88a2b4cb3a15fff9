using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WhistleSubmit.Crypto.ProofOfWork;
using WhistleSubmit.Portal.Configuration.Recipients;
using WhistleSubmit.Portal.Security;

namespace WhistleSubmit.Portal.Tests.Features.BrowserPath;

/// <summary>
/// A test double of PORTAL.md's upload protocol under /fake/api, plus a minimal report form at /fake/{lang}/submit that
/// loads the real bundle with its real SRI hash under the real security headers. It lets the browser path (worker,
/// container, age, proof of work against the real /pow/challenge, chunking, resume) be tested end to end in Chromium
/// independently of the store; the protocol itself is checked strictly here (order, sizes, proof of work).
/// Completed uploads are written to &lt;data&gt;/fake-items/&lt;id&gt;.age.
/// </summary>
internal sealed class FakeUploadApi : IStartupFilter
{
    public const int ChunkSize = 64 * 1024;

    private readonly ConcurrentDictionary<string, Session> sessions = new();

    /// <summary>Chunk indexes whose first PUT is cut off after the body arrived (nothing stored): a dropped connection.</summary>
    public ConcurrentDictionary<int, bool> DropOnce { get; } = new();

    /// <summary>Every PUT received, as (upload id, index), in order.</summary>
    public ConcurrentQueue<(string Id, int Index)> Puts { get; } = new();

    /// <summary>The mailbox tokens the uploads declared, by upload id.</summary>
    public ConcurrentDictionary<string, string> MailboxTokens { get; } = new();

    public string ItemsDirectory(string dataDirectory) => Path.Combine(dataDirectory, "fake-items");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map("/fake", branch =>
        {
            branch.UseSecurityHeaders();
            branch.Run(Handle);
        });
        next(app);
    };

    private async Task Handle(HttpContext context)
    {
        string path = context.Request.Path.Value ?? string.Empty;
        string method = context.Request.Method;
        string[] parts = path.Trim('/').Split('/');
        switch (parts)
        {
            case [var lang, "submit"] when method == "GET" && lang is "en" or "es":
                await Page(context, lang);
                return;
            case ["api", "config"] when method == "GET":
                var keys = context.RequestServices.GetRequiredService<ReviewerKeys>();
                await context.Response.WriteAsJsonAsync(new { recipients = keys.Keys.Select(k => k.Recipient), maxTotalBytes = 100L << 20, chunkSize = ChunkSize, demo = keys.IsDemo });
                return;
            case ["api", "uploads"] when method == "POST":
                await Create(context);
                return;
            case ["api", "uploads", var id] when method == "GET" && sessions.TryGetValue(id, out var s):
                await context.Response.WriteAsJsonAsync(new { received = s.Received, nextChunk = s.Chunks.Count, size = s.Size });
                return;
            case ["api", "uploads", var id, "chunks", var index] when method == "PUT" && sessions.TryGetValue(id, out var s):
                await Put(context, id, s, int.Parse(index, System.Globalization.CultureInfo.InvariantCulture));
                return;
            case ["api", "uploads", var id, "complete"] when method == "POST" && sessions.TryGetValue(id, out var s):
                await Complete(context, id, s);
                return;
            default:
                context.Response.StatusCode = (int)HttpStatusCode.NotFound;
                return;
        }
    }

    private async Task Create(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var root = body.RootElement;
        var pow = root.GetProperty("pow");
        var authority = context.RequestServices.GetRequiredService<ProofOfWorkAuthority>();
        if (authority.Verify(pow.GetProperty("token").GetString(), pow.GetProperty("nonce").GetString()) != ProofOfWorkVerdict.Accepted)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        string id = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        sessions[id] = new Session(root.GetProperty("size").GetInt64());
        MailboxTokens[id] = root.GetProperty("mailboxToken").GetString()!;
        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsJsonAsync(new { uploadId = id, chunkSize = ChunkSize, expires = DateTime.UtcNow.AddHours(1) });
    }

    private async Task Put(HttpContext context, string id, Session session, int index)
    {
        Puts.Enqueue((id, index));
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        if (DropOnce.TryRemove(index, out _))
        {
            context.Abort();
            return;
        }

        byte[] chunk = buffer.ToArray();
        lock (session)
        {
            bool last = session.Received + chunk.Length == session.Size;
            if (index != session.Chunks.Count || chunk.Length > ChunkSize || (chunk.Length != ChunkSize && !last) || session.Received + chunk.Length > session.Size)
            {
                context.Response.StatusCode = StatusCodes.Status409Conflict;
                return;
            }

            session.Chunks.Add(chunk);
            session.Received += chunk.Length;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task Complete(HttpContext context, string id, Session session)
    {
        if (session.Received != session.Size)
        {
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            return;
        }

        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<WhistleSubmit.Portal.Configuration.PortalOptions>>().Value;
        string dir = ItemsDirectory(options.DataDirectoryFullPath);
        Directory.CreateDirectory(dir);
        await File.WriteAllBytesAsync(Path.Combine(dir, id + ".age"), session.Chunks.SelectMany(c => c).ToArray());
        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsJsonAsync(new { receipt = id });
    }

    private static async Task Page(HttpContext context, string lang)
    {
        string integrity = context.RequestServices.GetRequiredService<ScriptIntegrity>().For("portal.js");
        string html = $$"""
            <!DOCTYPE html>
            <html lang="{{lang}}">
            <head><meta charset="utf-8"><title>Fake submit</title>
            <script src="/js/portal.js" integrity="{{integrity}}" defer></script></head>
            <body><main>
            <form id="report-form" data-js-upload="/fake/api/uploads" method="post" enctype="multipart/form-data">
              <label for="relationship">Relationship</label>
              <select id="relationship" name="relationship"><option value="">-</option><option value="former-staff">Former</option></select>
              <fieldset><legend>Categories</legend>
                <label><input type="checkbox" name="categories" value="arrest-quotas"> Quotas</label>
                <label><input type="checkbox" name="categories" value="unlawful-force"> Force</label>
              </fieldset>
              <label for="when-from">From</label><input id="when-from" type="date" name="when.from">
              <label for="where-state">State</label><input id="where-state" name="where.state">
              <label for="description">Description</label><textarea id="description" name="description" required></textarea>
              <label for="files">Files</label><input id="files" type="file" name="files" multiple>
              <input type="hidden" name="__RequestVerificationToken" value="antiforgery">
              <button type="submit">Send</button>
            </form>
            </main></body></html>
            """;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, Encoding.UTF8);
    }

    private sealed class Session(long size)
    {
        public long Size { get; } = size;

        public long Received { get; set; }

        public List<byte[]> Chunks { get; } = [];
    }
}
