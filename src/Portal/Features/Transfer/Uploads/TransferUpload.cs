using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using WhistleSubmit.EncryptedStore.Paging;
using WhistleSubmit.Portal.Features.Transfer.Sessions;

namespace WhistleSubmit.Portal.Features.Transfer.Uploads;

/// <summary>
/// Reads an upload form (multipart: the antiforgery token, then one file, nothing else) straight from the connection
/// into a temporary file in the data directory, never through Request.Form (which would spool it elsewhere). The
/// token is checked before a byte of the file is read; the size is bounded before and during the read. The file is
/// encrypted and authenticated page by page under a random key held only in this object (issue 14): a replies bundle's
/// manifest or a receipt's item ids never reach the disk in clear, and a file a crash left behind is unreadable for
/// good. Disposing deletes the file; on any refusal this class already has.
/// </summary>
public sealed class TransferUpload : IDisposable
{
    public const string FileField = "file";
    private const long FormOverhead = 64 * 1024;
    private readonly EncryptedPageStream content;

    private TransferUpload(string path, EncryptedPageStream content)
    {
        Path = path;
        this.content = content;
        Length = content.Length;
    }

    public string Path { get; }

    public long Length { get; }

    /// <summary>The upload, decrypted as it is read: seekable, positioned at the start.</summary>
    public Stream Content
    {
        get
        {
            content.Position = 0;
            return content;
        }
    }

    public void Dispose()
    {
        content.Dispose();
        File.Delete(Path);
    }

    /// <summary>The uploaded file, or the reason it was refused.</summary>
    public static async Task<(TransferUpload? Upload, UploadProblem? Problem)> ReadAsync(
        HttpContext context, TransferAntiforgery antiforgery, ReviewerSession session, long maxBytes, string directory)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !string.Equals(type.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
        {
            return (null, UploadProblem.BadForm);
        }

        if (request.ContentLength > maxBytes + FormOverhead)
        {
            return (null, UploadProblem.TooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes + FormOverhead;
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 8, HeadersLengthLimit = 4096 };
        string? path = null;
        try
        {
            var first = await reader.ReadNextSectionAsync(context.RequestAborted);
            if (first is null || Name(first) != TransferAntiforgery.FieldName
                || !antiforgery.IsValid(context, session, await ReadSmallAsync(first.Body, 128, context.RequestAborted)))
            {
                return (null, UploadProblem.BadForm);
            }

            var file = await reader.ReadNextSectionAsync(context.RequestAborted);
            if (file is null || Name(file) != FileField)
            {
                return (null, UploadProblem.BadForm);
            }

            Configuration.DataDirectory.Ensure(directory);
            path = System.IO.Path.Combine(directory, $"upload-{Guid.NewGuid():N}.tmp");
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            var target = EncryptedPageStream.Create(new FileStream(path, create), RandomNumberGenerator.GetBytes(32), StoreFileKind.Temp);
            try
            {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = await file.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
                {
                    if (target.Length + read > maxBytes)
                    {
                        target.Dispose();
                        File.Delete(path);
                        return (null, UploadProblem.TooLarge);
                    }

                    target.Write(buffer.AsSpan(0, read));
                }

                if (target.Length == 0 || await reader.ReadNextSectionAsync(context.RequestAborted) is not null)
                {
                    target.Dispose();
                    File.Delete(path);
                    return (null, UploadProblem.BadForm);
                }
            }
            catch
            {
                target.Dispose();
                throw;
            }

            return (new TransferUpload(path, target), null);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException or OperationCanceledException)
        {
            if (path is not null)
            {
                File.Delete(path);
            }

            return (null, e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? UploadProblem.TooLarge : UploadProblem.BadForm);
        }
    }

    private static string? Name(MultipartSection section) =>
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var d) && d.DispositionType.Equals("form-data")
            ? HeaderUtilities.RemoveQuotes(d.Name).Value
            : null;

    private static async Task<string?> ReadSmallAsync(Stream body, int max, CancellationToken cancel)
    {
        var buffer = new byte[max + 1];
        int total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(total), cancel)) > 0)
        {
            total += read;
            if (total > max)
            {
                return null;
            }
        }

        return System.Text.Encoding.ASCII.GetString(buffer, 0, total);
    }
}
