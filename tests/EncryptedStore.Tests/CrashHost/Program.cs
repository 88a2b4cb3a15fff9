using System.Globalization;
using WhistleSubmit.EncryptedStore.Tests.Support;

namespace WhistleSubmit.EncryptedStore.Tests.CrashHost;

/// <summary>
/// Child process for the kill -9 tests (the test runner never calls this Main):
/// <c>dotnet exec WhistleSubmit.EncryptedStore.Tests.dll crash-host DIR KEYHEX FIRSTID</c> opens the store, prints
/// "ready", then inserts documents forever and prints "ack ID" after each Write returns;
/// <c>… compact-host DIR KEYHEX STEP</c> compacts the store, prints "at STEP" when the compaction reaches that step and
/// waits there to be killed.
/// </summary>
public static class Program
{
    public const string Verb = "crash-host";
    public const string CompactVerb = "compact-host";

    public static int Main(string[] args)
    {
        switch (args)
        {
            case [Verb, var directory, var keyHex, var firstId]:
                return Insert(directory, Convert.FromHexString(keyHex), int.Parse(firstId, CultureInfo.InvariantCulture));
            case [CompactVerb, var directory, var keyHex, var step]:
                DurableStore.CompactionStep = s =>
                {
                    if (s == step)
                    {
                        Console.Out.WriteLine("at " + s);
                        Console.Out.Flush();
                        Thread.Sleep(Timeout.Infinite);
                    }
                };
                DurableStore.Compact(directory, Convert.FromHexString(keyHex));
                Console.Out.WriteLine("done");
                return 0;
            default:
                Console.Error.WriteLine($"usage: {Verb} DIRECTORY KEYHEX FIRSTID | {CompactVerb} DIRECTORY KEYHEX STEP");
                return 2;
        }
    }

    private static int Insert(string directory, byte[] key, int firstId)
    {
        using var store = DurableStore.Open(directory, key);
        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        var random = new Random();
        for (var id = firstId; ; id++)
        {
            var current = id;
            var size = random.Next(100, 64 * 1024);
            store.Write(db => db.GetCollection(Payloads.Collection).Insert(Payloads.Document(current, size)));
            Console.Out.WriteLine($"ack {current}");
            Console.Out.Flush();
        }
    }
}
