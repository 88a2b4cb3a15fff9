using System.Diagnostics;
using System.Globalization;

namespace WhistleSubmit.Bench.CryptoProbe;

/// <summary>Wall-clock and process CPU time of one piece of work, and the "key=value" output lines.</summary>
internal static class Measure
{
    /// <summary>Runs <paramref name="work"/> and returns (wall seconds, CPU seconds of all threads).</summary>
    public static (double Wall, double Cpu) Time(Action work)
    {
        using var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        work();
        double wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    /// <summary>The best (shortest) of <paramref name="rounds"/> runs, after one untimed warm-up run.</summary>
    public static (double Wall, double Cpu) Best(int rounds, Action work)
    {
        work();
        (double Wall, double Cpu) best = (double.MaxValue, double.MaxValue);
        for (int i = 0; i < rounds; i++)
        {
            (double wall, double cpu) = Time(work);
            best = (Math.Min(best.Wall, wall), Math.Min(best.Cpu, cpu));
        }

        return best;
    }

    public static void Print(string key, double value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key}={value:F2}"));
}
