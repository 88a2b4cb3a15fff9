using WhistleSubmit.Crypto.Codenames;

namespace WhistleSubmit.Crypto.Tests.Codenames;

public class CodenameTests
{
    [Test]
    public void Generate_Always_ReturnsEightListWordsInCanonicalForm()
    {
        string codename = Codename.Generate();

        Assert.That(codename.Split(' '), Has.Length.EqualTo(Codename.WordCount));
        Assert.That(Codename.Normalize(codename), Is.EqualTo(codename));
    }

    [Test]
    public void Generate_ManyTimes_UsesTheWholeListWithoutObviousBias()
    {
        // 8,000 codenames = 64,000 draws over 7,776 words: expect ≈ 8.2 per word, and every word seen is in the list.
        var counts = new Dictionary<string, int>();
        for (int i = 0; i < 8_000; i++)
        {
            foreach (string w in Codename.Generate().Split(' '))
            {
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
        }

        Assert.That(counts, Has.Count.GreaterThan(7_700));
        Assert.That(counts.Values.Max(), Is.LessThan(40));
    }

    [Test]
    public void Generate_TwoCalls_Differ()
    {
        string first = Codename.Generate();

        string second = Codename.Generate();

        Assert.That(second, Is.Not.EqualTo(first));
    }

    [TestCase("Abacus ABDOMEN abdominal abide abiding ability ablaze able")]
    [TestCase("  abacus\tabdomen\nabdominal  abide abiding ability ablaze able  ")]
    [TestCase("abacus abdomen abdominal abide abiding ability ablaze able")]
    public void Normalize_ValidVariants_ReturnsCanonicalForm(string input)
    {
        Assert.That(Codename.Normalize(input), Is.EqualTo("abacus abdomen abdominal abide abiding ability ablaze able"));
    }

    [Test]
    public void Normalize_HyphenatedWords_AreKept()
    {
        Assert.That(Codename.Normalize("yo-yo zen zoom t-shirt drop-down felt-tip zoom zen"), Is.EqualTo("yo-yo zen zoom t-shirt drop-down felt-tip zoom zen"));
    }

    [TestCase("", Description = "empty")]
    [TestCase("abacus abdomen abdominal abide abiding ability ablaze", Description = "seven words")]
    [TestCase("abacus abdomen abdominal abide abiding ability ablaze able able", Description = "nine words")]
    [TestCase("abacus abdomen abdominal abide abiding ability ablaze notaword", Description = "word not in list")]
    [TestCase("abacus-abdomen abdominal abide abiding ability ablaze able zen", Description = "joined words")]
    [TestCase("abacus abdomen abdominal abide abiding ability ablaze ab\u0000le", Description = "control character")]
    [TestCase("abacus abdomen abdominal abide abiding ability ablaze \u0430ble", Description = "Cyrillic look-alike")]
    [TestCase("abacus abdomen abdominal abide abiding ability ablaze \u212Aeg", Description = "Kelvin sign lower-cases to k")]
    [TestCase("abacus abdomen abdominal abide abiding ability ablaze \u0130ce", Description = "dotted capital I")]
    [TestCase("abacus abdomen abdominal abide abiding ability ablaze\u0085able", Description = "NEL, not white space in JS")]
    public void Normalize_Invalid_ThrowsFormatExceptionWithoutEchoingInput(string input)
    {
        var ex = Assert.Throws<FormatException>(() => Codename.Normalize(input));

        Assert.That(ex!.Message, Does.Not.Contain("abdominal").And.Not.Contain("ablaze"));
    }

    [Test]
    public void Normalize_VeryLongInput_ThrowsFormatException()
    {
        Assert.That(() => Codename.Normalize(new string(' ', 10_000) + "abacus abdomen abdominal abide abiding ability ablaze able"), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Normalize_Null_ThrowsArgumentNull()
    {
        Assert.That(() => Codename.Normalize(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void TryNormalize_Null_ThrowsArgumentNull()
    {
        Assert.That(() => Codename.TryNormalize(null!, out _), Throws.ArgumentNullException);
    }

    [Test]
    public void TryNormalize_Invalid_ReturnsFalse()
    {
        Assert.That(Codename.TryNormalize("zen", out string? normalized), Is.False);
        Assert.That(normalized, Is.Null);
    }

    [Test]
    public void Wordlist_Resource_HasTheEffList()
    {
        IReadOnlyList<string> words = WordlistAccess.Words;

        Assert.That(words, Has.Count.EqualTo(7_776));
        Assert.That(words[0], Is.EqualTo("abacus"));
        Assert.That(words[^1], Is.EqualTo("zoom"));
    }

    private static class WordlistAccess
    {
        internal static IReadOnlyList<string> Words => Wordlist.Words;
    }
}
