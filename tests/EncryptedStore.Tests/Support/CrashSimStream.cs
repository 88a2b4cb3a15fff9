namespace WhistleSubmit.EncryptedStore.Tests.Support;

/// <summary>
/// A raw "disk file" for crash tests. kill -9 keeps the OS page cache, so it cannot show a missing fsync; this can.
/// The process sees every write at once, but only what a Flush (= fsync) covered is durable. At the crash,
/// <see cref="CrashImage"/> builds what a power loss could leave: the durable bytes plus any subset of the unsynced
/// operations, each one dropped, applied, or torn at 512-byte sectors.
/// </summary>
internal sealed class CrashSimStream : Stream
{
    private const int Sector = 512;

    private readonly CrashSwitch @switch;
    private readonly MemoryStream visible;
    private readonly List<(long Offset, byte[]? Bytes, long NewLength)> pending = [];
    private readonly Lock gate = new();
    private readonly MemoryStream durable = new();

    public CrashSimStream(byte[] durable, CrashSwitch crashSwitch)
    {
        this.durable.Write(durable);
        @switch = crashSwitch;
        visible = new MemoryStream();
        visible.Write(durable);
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length
    {
        get
        {
            lock (gate)
            {
                return visible.Length;
            }
        }
    }

    public override long Position { get; set; }

    public int FlushCount { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        lock (gate)
        {
            @switch.ThrowIfCrashed();
            visible.Position = Position;
            var read = visible.Read(buffer, offset, count);
            Position += read;
            return read;
        }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        lock (gate)
        {
            var survives = @switch.Tick();

            // The crashing write itself may reach the disk partly: it is pending, not visible.
            pending.Add((Position, buffer.AsSpan(offset, count).ToArray(), -1));
            if (!survives)
            {
                throw new SimulatedCrashException();
            }

            visible.Position = Position;
            visible.Write(buffer, offset, count);
            Position += count;
        }
    }

    public override void SetLength(long value)
    {
        lock (gate)
        {
            var survives = @switch.Tick();
            pending.Add((0, null, value));
            if (!survives)
            {
                throw new SimulatedCrashException();
            }

            visible.SetLength(value);
        }
    }

    public override void Flush()
    {
        lock (gate)
        {
            if (!@switch.Tick())
            {
                throw new SimulatedCrashException();
            }

            foreach (var (offset, bytes, newLength) in pending)
            {
                if (bytes is null)
                {
                    durable.SetLength(newLength);
                }
                else
                {
                    durable.Position = offset;
                    durable.Write(bytes);
                }
            }

            pending.Clear();
            FlushCount++;
        }
    }

    public override long Seek(long offset, SeekOrigin origin) =>
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => Length + offset,
        };

    /// <summary>
    /// What survives a power loss now: the durable bytes, plus (unless onlySynced) a random subset of the unsynced
    /// operations, some torn.
    /// </summary>
    public byte[] CrashImage(Random random, bool onlySynced = false)
    {
        lock (gate)
        {
            var image = new MemoryStream();
            image.Write(durable.ToArray());
            foreach (var (offset, bytes, newLength) in onlySynced ? [] : pending)
            {
                if (bytes is null)
                {
                    if (random.Next(2) == 0)
                    {
                        image.SetLength(newLength);
                    }

                    continue;
                }

                switch (random.Next(3))
                {
                    case 0:
                        break;
                    case 1:
                        image.Position = offset;
                        image.Write(bytes);
                        break;
                    default:
                        for (var s = 0; s < bytes.Length; s += Sector)
                        {
                            if (random.Next(2) == 0)
                            {
                                image.Position = offset + s;
                                image.Write(bytes, s, Math.Min(Sector, bytes.Length - s));
                            }
                        }

                        break;
                }
            }

            return image.ToArray();
        }
    }

    /// <summary>Everything the process wrote, as if the machine had not crashed (for kill -9-like checks).</summary>
    public byte[] VisibleImage()
    {
        lock (gate)
        {
            return visible.ToArray();
        }
    }
}
