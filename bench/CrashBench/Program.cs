using System.Globalization;

namespace WhistleSubmit.Bench.CrashBench;

/// <summary>crash-bench [--rounds N] [--power-cut] [--sources N] [--seed N]: see bench/README.md, "Crash at scale".</summary>
/// <remarks>A named class, not top-level statements: the tests reference this assembly beside the portal's, and two
/// global Program types would clash.</remarks>
public static class CrashBenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = new CampaignOptions { Log = Console.Out };
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--rounds" => options with { Rounds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--power-cut" => options with { PowerCut = true },
                "--sources" => options with { Sources = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--max-kill-delay-ms" => options with { MaxKillDelayMs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]} (see bench/README.md)"),
            };
        }

        string scratch = Directory.CreateTempSubdirectory("whistle-crash-bench-").FullName;
        try
        {
            Console.WriteLine($"crash-bench: {options.Rounds} rounds of {(options.PowerCut ? "power cuts (ext4 shutdown, unsynced writes dropped)" : "SIGKILL")}, {options.Sources} sources, seed {options.Seed}");
            var result = await new Campaign(options).RunAsync(scratch);
            Console.WriteLine($"rounds                {result.Rounds}");
            Console.WriteLine($"acknowledged items    {result.Acknowledged}");
            Console.WriteLine($"confirmed (deleted)   {result.Confirmed}");
            Console.WriteLine($"replies acknowledged  {result.RepliesAcknowledged}");
            Console.WriteLine($"decryptions checked   {result.Decrypted}");
            Console.WriteLine($"requests cut          {result.CutRequests}");
            Console.WriteLine($"admin verbs cut       {result.CutVerbs}");
            Console.WriteLine($"elapsed               {result.Elapsed:hh\\:mm\\:ss}");
            Console.WriteLine($"lost                  {result.Lost.Count}");
            Console.WriteLine($"other failures        {result.Failures.Count}");
            foreach (string line in result.Lost.Concat(result.Failures).Take(50))
            {
                Console.WriteLine("  " + line);
            }

            return result.Lost.Count == 0 && result.Failures.Count == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
