using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Security.Cryptography;

namespace WhistleSubmit.Crypto.Memory;

/// <summary>
/// Zeroes the secret arrays inside BouncyCastle's private-key objects (issue 14), which offer no way to clear them:
/// every one-dimensional array of a primitive type (byte[], short[], int[] …) in an instance field that the key's own
/// class declares (BouncyCastle keeps them there); objects it points to are not followed. BouncyCastle is pinned (2.7.0), and
/// tests check that each key class we use has such fields and that they read zero afterwards, so an upgrade that moves
/// the key elsewhere fails a test instead of silently keeping it. The object must not be used afterwards.
/// </summary>
internal static class LibraryKeyWipe
{
    /// <summary>Zeroes the arrays in the fields that <typeparamref name="T"/> declares on <paramref name="key"/>; returns how many.</summary>
    public static int Wipe<[DynamicallyAccessedMembers(Fields)] T>(T key)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        int wiped = 0;
        foreach (FieldInfo field in typeof(T).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
        {
            object? value = field.GetValue(key);
            if (value is byte[] bytes)
            {
                CryptographicOperations.ZeroMemory(bytes);
                wiped++;
            }
            else if (value is Array { Rank: 1 } numbers && numbers.GetType().GetElementType() is { IsPrimitive: true })
            {
                Array.Clear(numbers);
                wiped++;
            }
        }

        return wiped;
    }

    private const DynamicallyAccessedMemberTypes Fields = DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields;
}
