namespace WhistleSubmit.ReviewerConsole.Commands.Age;

/// <summary>
/// Accepts age's own mode flags, so scripts written for age work by swapping the program name:
/// <c>whistle-review age -e …</c> runs <c>age encrypt …</c> and <c>whistle-review age -d …</c> runs <c>age decrypt …</c>
/// (deploy/portal/backup.sh and restore.sh call it that way).
/// </summary>
internal static class AgeModeFlags
{
    public static string[] Rewrite(string[] args)
    {
        if (args.Length < 2 || args[0] != "age")
        {
            return args;
        }

        // Only when no verb was given: "age encrypt -d" stays an error rather than a silent reinterpretation.
        int modeIndex = Array.FindIndex(args, 1, IsModeFlag);
        if (modeIndex < 0 || Array.Exists(args, arg => arg is "keygen" or "encrypt" or "decrypt"))
        {
            return args;
        }

        string verb = args[modeIndex] is "-e" or "--encrypt" ? "encrypt" : "decrypt";
        var rewritten = new List<string>(args.Length) { "age", verb };
        for (int i = 1; i < args.Length; i++)
        {
            if (i != modeIndex)
            {
                rewritten.Add(args[i]);
            }
        }

        return [.. rewritten];
    }

    private static bool IsModeFlag(string arg) => arg is "-e" or "--encrypt" or "-d" or "--decrypt";
}
