using System.Diagnostics;

namespace WhistleSubmit.Deploy.Tests.Booted;

/// <summary>
/// One TCP connection to an address inside the container's private network, made by a bash of this machine run in
/// the container's network namespace (nsenter -n) that relays its stdin and stdout to the socket: the test's own
/// HttpClient then talks to the portal on the container's 127.0.0.1 without any tool inside the tree.
/// </summary>
internal sealed class RelayStream : Stream
{
    private readonly Process relay;
    private readonly Stream input;
    private readonly Stream output;

    private RelayStream(Process relay)
    {
        this.relay = relay;
        input = relay.StandardOutput.BaseStream;
        output = relay.StandardInput.BaseStream;
    }

    // The background job reads the socket: a background job without its own redirection reads /dev/null.
    public static Stream Connect(int leader, int port)
    {
        var info = new ProcessStartInfo("/usr/bin/nsenter")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "-t", leader.ToString(System.Globalization.CultureInfo.InvariantCulture), "-n", "--", "bash", "-c",
            "exec 3<>/dev/tcp/127.0.0.1/$0 || exit 1; cat <&3 & exec cat >&3", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        var relay = Process.Start(info) ?? throw new IOException("nsenter did not start");
        _ = relay.StandardError.ReadToEndAsync();
        return new RelayStream(relay);
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => input.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        input.ReadAsync(buffer, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => output.Write(buffer, offset, count);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await output.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Flush() => output.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => output.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (!relay.HasExited)
            {
                relay.Kill(entireProcessTree: true);
                relay.WaitForExit();
            }

            relay.Dispose();
        }

        base.Dispose(disposing);
    }
}
