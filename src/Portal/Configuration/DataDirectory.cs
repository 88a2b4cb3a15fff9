namespace WhistleSubmit.Portal.Configuration;

/// <summary>Creates the data directory readable by the portal's user only: it will hold the store and its key ring.</summary>
public static class DataDirectory
{
    public static void Ensure(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
