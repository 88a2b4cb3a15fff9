using System.Buffers.Binary;
using System.Text.Json;

namespace WhistleSubmit.Portal.Admin;

/// <summary>admin.sock framing: a 4-byte big-endian length, then that many bytes of JSON. Both directions are bounded.</summary>
public static class AdminFraming
{
    public const int MaxRequestBytes = 64 * 1024;
    public const int MaxResponseBytes = 4 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task WriteAsync<T>(Stream stream, T value, int max, CancellationToken cancel)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(value, Json);
        if (body.Length > max)
        {
            throw new InvalidDataException("An admin message is too long.");
        }

        byte[] length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        await stream.WriteAsync(length, cancel).ConfigureAwait(false);
        await stream.WriteAsync(body, cancel).ConfigureAwait(false);
        await stream.FlushAsync(cancel).ConfigureAwait(false);
    }

    public static async Task<T?> ReadAsync<T>(Stream stream, int max, CancellationToken cancel)
    {
        byte[] length = new byte[4];
        await stream.ReadExactlyAsync(length, cancel).ConfigureAwait(false);
        int size = BinaryPrimitives.ReadInt32BigEndian(length);
        if (size < 0 || size > max)
        {
            throw new InvalidDataException("An admin message is too long.");
        }

        byte[] body = new byte[size];
        await stream.ReadExactlyAsync(body, cancel).ConfigureAwait(false);
        return JsonSerializer.Deserialize<T>(body, Json);
    }
}
