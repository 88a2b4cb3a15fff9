using System.CommandLine;

namespace WhistleSubmit.ReviewerConsole.Commands.Age;

/// <summary>The <c>age</c> group: a drop-in for the age and age-keygen tools, so reviewers need nothing else.</summary>
internal static class AgeCommand
{
    public static Command Create() => new("age", """
        Encrypt, decrypt and create keys in the standard age file format (age-encryption.org),
        compatible with the 'age' and 'age-keygen' tools. For scripts written for age,
        "age -e …" and "age -d …" are accepted as "age encrypt …" and "age decrypt …".
        """)
    {
        AgeKeygenCommand.Create(),
        EncryptCommand.Create(),
        DecryptCommand.Create(),
    };
}
