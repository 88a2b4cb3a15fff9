namespace WhistleSubmit.Portal.Store;

/// <summary>Recognises "no space left" however deep LiteDB or the page layer wrapped it.</summary>
internal static class DiskFull
{
    private const int Enospc = 28;
    private const int Edquot = 122;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    public static bool IsDiskFull(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            // .NET on Unix puts the raw errno into IOException.HResult.
            if (e is IOException { HResult: Enospc or Edquot or WindowsDiskFull or WindowsHandleDiskFull })
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsIoFailure(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException)
            {
                return true;
            }
        }

        return false;
    }
}
