namespace WhistleSubmit.EncryptedStore.Tests.Support;

/// <summary>A countdown shared by a store's raw streams: the Nth mutating operation is the power loss.</summary>
internal sealed class CrashSwitch
{
    private readonly Lock gate = new();
    private long remaining = long.MaxValue;

    public bool Crashed { get; private set; }

    public void Arm(long operations)
    {
        lock (gate)
        {
            remaining = operations;
        }
    }

    /// <summary>Counts one mutating operation; false means this one is where the power goes.</summary>
    public bool Tick()
    {
        lock (gate)
        {
            ThrowIfCrashed();
            if (--remaining > 0)
            {
                return true;
            }

            Crashed = true;
            return false;
        }
    }

    public void ThrowIfCrashed()
    {
        if (Crashed)
        {
            throw new SimulatedCrashException();
        }
    }
}
