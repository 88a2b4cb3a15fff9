namespace WhistleSubmit.ReviewerConsole;

/// <summary>Entry point shared by Program and the in-process tests. The verbs are built in Commands/.</summary>
internal static class Cli
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("whistle-review: error: no commands yet");
        return 1;
    }
}
