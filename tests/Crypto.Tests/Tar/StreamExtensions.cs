namespace WhistleSubmit.Crypto.Tests.Tar;

internal static class StreamExtensions
{
    /// <summary>Reads a stream to its end and returns how many bytes it gave.</summary>
    internal static long ReadAllLength(this Stream s)
    {
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = s.Read(buffer)) > 0)
        {
            total += n;
        }

        return total;
    }
}
