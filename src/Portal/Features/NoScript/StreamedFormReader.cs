using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>
/// Reads a multipart/form-data body section by section straight from the connection (never Request.Form, which
/// buffers files above 64 KiB into temporary files: plaintext on disk). Text fields stay in memory under per-field
/// caps; files go to <see cref="SpooledFile"/>s as they stream, with the size limits checked on every read.
/// </summary>
public sealed class StreamedFormReader
{
    public const string FilesField = "files";
    private const int ReadSize = 64 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly MultipartReader reader;
    private readonly NoJsOptions limits;
    private readonly string spoolDirectory;
    private readonly CancellationToken cancellationToken;

    private StreamedFormReader(MultipartReader reader, NoJsOptions limits, string spoolDirectory, CancellationToken cancellationToken)
    {
        this.reader = reader;
        this.limits = limits;
        this.spoolDirectory = spoolDirectory;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>The largest body a form with these limits can have: files plus generous room for fields and boundaries.</summary>
    public static long MaxBodyBytes(NoJsOptions limits) => limits.MaxTotalBytes + (4L << 20);

    /// <summary>
    /// Checks the request's shape and declared length before reading a byte, and raises this request's body limit
    /// (64 KiB for every other request) to what the form may need.
    /// </summary>
    public static StreamedFormReader Open(HttpContext context, NoJsOptions limits, string spoolDirectory)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormRejectedException(FormProblem.Malformed);
        }

        string boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value ?? string.Empty;
        if (boundary.Length is 0 or > 70)
        {
            throw new FormRejectedException(FormProblem.Malformed);
        }

        long max = MaxBodyBytes(limits);
        if (request.ContentLength > max)
        {
            throw new FormRejectedException(FormProblem.TooLarge);
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = max;
        }

        var reader = new MultipartReader(boundary, request.Body)
        {
            HeadersCountLimit = 8,
            HeadersLengthLimit = 4 * 1024,
            BodyLengthLimit = Math.Max(limits.MaxFileBytes, 1L << 20),
        };
        return new StreamedFormReader(reader, limits, spoolDirectory, context.RequestAborted);
    }

    /// <summary>The next section, which must be the text field <paramref name="name"/> (the page puts its tokens first).</summary>
    public Task<string> ReadLeadingFieldAsync(string name, int maxChars) =>
        Guard(async () =>
        {
            var section = await reader.ReadNextSectionAsync(cancellationToken) ?? throw new FormRejectedException(FormProblem.BadToken);
            var disposition = Disposition(section);
            if (disposition.IsFileDisposition() || !string.Equals(disposition.Name.Value, name, StringComparison.Ordinal))
            {
                throw new FormRejectedException(FormProblem.BadToken);
            }

            return await ReadTextAsync(section, maxChars);
        });

    /// <summary>Reads every remaining section: fields named in <paramref name="fieldLimits"/> (max characters each) and files.</summary>
    public Task ReadRestAsync(ReceivedForm form, IReadOnlyDictionary<string, int> fieldLimits, int maxFieldValues) =>
        Guard(async () =>
        {
            int values = 0;
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                var disposition = Disposition(section);
                string name = disposition.Name.Value ?? string.Empty;
                // By name, not by IsFileDisposition: a file input left empty is sent with filename="", which that ignores.
                if (name == FilesField)
                {
                    await ReadFileAsync(section, disposition, form);
                }
                else if (!disposition.IsFileDisposition() && fieldLimits.TryGetValue(name, out int maxChars) && ++values <= maxFieldValues)
                {
                    form.Add(name, await ReadTextAsync(section, maxChars));
                }
                else
                {
                    throw new FormRejectedException(FormProblem.Malformed);
                }
            }
        });

    private async Task ReadFileAsync(MultipartSection section, ContentDispositionHeaderValue disposition, ReceivedForm form)
    {
        string fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? string.Empty;
        byte[] buffer = new byte[ReadSize];
        int first = await section.Body.ReadAsync(buffer, cancellationToken);

        // A file input left empty still sends a part, with no name and no bytes.
        if (first == 0 && fileName.Length == 0)
        {
            return;
        }

        // The original name goes into report.json, whose schema caps it at 1,024 characters.
        if (fileName.Length > 1024)
        {
            throw new FormRejectedException(FormProblem.Malformed);
        }

        if (form.Files.Count >= limits.MaxFiles)
        {
            throw new FormRejectedException(FormProblem.TooManyFiles);
        }

        var file = new SpooledFile(spoolDirectory, fileName.Length == 0 ? "file" : fileName);
        form.Files.Add(file);
        long totalBefore = form.TotalFileBytes;
        for (int read = first; read > 0; read = await section.Body.ReadAsync(buffer, cancellationToken))
        {
            if (file.Length + read > limits.MaxFileBytes || totalBefore + file.Length + read > limits.MaxTotalBytes)
            {
                throw new FormRejectedException(FormProblem.TooLarge);
            }

            await file.AppendAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        await file.FinishAsync(cancellationToken);
    }

    private async Task<string> ReadTextAsync(MultipartSection section, int maxChars)
    {
        // UTF-8 needs at most 3 bytes per UTF-16 char, so this cap never cuts a valid value short.
        int maxBytes = (maxChars * 3) + 4;
        using var bytes = new MemoryStream();
        byte[] buffer = new byte[8 * 1024];
        for (int read; (read = await section.Body.ReadAsync(buffer, cancellationToken)) > 0;)
        {
            if (bytes.Length + read > maxBytes)
            {
                throw new FormRejectedException(FormProblem.Malformed);
            }

            bytes.Write(buffer, 0, read);
        }

        string text = StrictUtf8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);

        // Browsers send textarea line breaks as CRLF; the browser path keeps LF, so both paths store the same text.
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.Length <= maxChars ? text : throw new FormRejectedException(FormProblem.Malformed);
    }

    private static ContentDispositionHeaderValue Disposition(MultipartSection section) =>
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
        && disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
            ? disposition
            : throw new FormRejectedException(FormProblem.Malformed);

    /// <summary>Maps what can go wrong while reading to the page's kinds; none of these messages reaches anyone.</summary>
    private static async Task<T> Guard<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new FormRejectedException(FormProblem.TooLarge, e);
        }
        catch (BadHttpRequestException e)
        {
            throw new FormRejectedException(FormProblem.Incomplete, e);
        }
        catch (IOException e)
        {
            throw new FormRejectedException(FormProblem.Incomplete, e);
        }
        catch (InvalidDataException e)
        {
            throw new FormRejectedException(FormProblem.Malformed, e);
        }
        catch (DecoderFallbackException e)
        {
            throw new FormRejectedException(FormProblem.Malformed, e);
        }
    }

    private static Task Guard(Func<Task> read) => Guard(async () =>
    {
        await read();
        return true;
    });
}
