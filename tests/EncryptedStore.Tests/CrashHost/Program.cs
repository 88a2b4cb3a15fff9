using System.Globalization;
using WhistleSubmit.EncryptedStore.Tests.Support;

namespace WhistleSubmit.EncryptedStore.Tests.CrashHost;

/// <summary>
/// Child process for the kill -9 tests: `dotnet exec WhistleSubmit.EncryptedStore.Tests.dll crash-host DIR KEYHEX FIRSTID`
/// opens the store, prints "ready", then inserts documents forever and prints "ack ID" after each Write returns.
/// (The test runner never calls this Main.)
/// </summary>
public static class Program
{
    public const string Verb = "crash-host";

    public static int Main(string[] args)
    {
        if (args is not [Verb, var directory, var keyHex, var firstId])
        {
            Console.Error.WriteLine($"usage: {Verb} DIRECTORY KEYHEX FIRSTID");
            return 2;
        }

        using var store = DurableStore.Open(directory, Convert.FromHexString(keyHex));
        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        var random = new Random();
        for (var id = int.Parse(firstId, CultureInfo.InvariantCulture); ; id++)
        {
            var current = id;
            var size = random.Next(100, 64 * 1024);
            store.Write(db => db.GetCollection(Payloads.Collection).Insert(Payloads.Document(current, size)));
            Console.Out.WriteLine($"ack {current}");
            Console.Out.Flush();
        }
    }
}
