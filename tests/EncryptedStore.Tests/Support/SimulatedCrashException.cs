namespace WhistleSubmit.EncryptedStore.Tests.Support;

/// <summary>Thrown by <see cref="CrashSimStream"/> at the simulated power loss and for every I/O after it.</summary>
internal sealed class SimulatedCrashException : IOException
{
    public SimulatedCrashException()
        : base("simulated power loss")
    {
    }

    public static bool IsIn(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SimulatedCrashException)
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsIn))
            {
                return true;
            }
        }

        return false;
    }
}
