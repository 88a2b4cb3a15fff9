using System.Globalization;

namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>Sizes as people read them (binary units, the way operating systems show file sizes).</summary>
public static class Sizes
{
    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.#} GB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB"),
    };
}
