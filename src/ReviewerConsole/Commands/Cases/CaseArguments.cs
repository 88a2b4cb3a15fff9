using System.CommandLine;

namespace WhistleSubmit.ReviewerConsole.Commands.Cases;

/// <summary>The ID argument the case verbs share.</summary>
internal static class CaseArguments
{
    public static Argument<string> Id() => new("ID")
    {
        Description = "The case id as shown by 'list' (8 characters; any unique beginning of at least 4 works).",
    };
}
