using WhistleSubmit.ReviewerConsole.Statistics;

namespace WhistleSubmit.ReviewerConsole.Tests.Statistics;

[TestFixture]
public sealed class SuppressionTests
{
    [Test]
    public void Partition_OneSmallCell_SuppressesTheSmallestOtherCellToo()
    {
        var cells = Suppression.Partition([("a", 20), ("b", 3), ("c", 9), ("d", 7)], 39);

        Assert.That(cells.Select(c => c.Suppressed), Is.EqualTo(new[] { false, true, false, true }));
    }

    [Test]
    public void Partition_SmallCellsSummingToFiveOrMore_NeedNoComplement()
    {
        var cells = Suppression.Partition([("a", 20), ("b", 3), ("c", 2), ("d", 7)], 32);

        Assert.That(cells.Select(c => c.Suppressed), Is.EqualTo(new[] { false, true, true, false }));
    }

    [Test]
    public void Partition_OnlyZeroCellsSmall_PublishesTheRest()
    {
        var cells = Suppression.Partition([("a", 20), ("b", 0), ("c", 0), ("d", 7)], 27);

        Assert.That(cells.Select(c => c.Suppressed), Is.EqualTo(new[] { false, true, true, false }));
    }

    [Test]
    public void Partition_TotalBelowFive_SuppressesEverything()
    {
        var cells = Suppression.Partition([("a", 4), ("b", 0)], 4);

        Assert.That(cells.Select(c => c.Suppressed), Is.All.True);
        Assert.That(Suppression.Total(4), Is.True);
    }

    [Test]
    public void Row_ComplementBelowFive_IsSuppressed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Suppression.Row("x", 10, 12).Suppressed, Is.True, "only 2 reports lack it");
            Assert.That(Suppression.Row("x", 10, 15).Suppressed, Is.False);
            Assert.That(Suppression.Row("x", 4, 15).Suppressed, Is.True);
        });
    }

    [Test]
    public void Partition_RandomTables_NoSuppressedCellCanBeRecovered()
    {
        var random = new Random(20261127);
        for (int round = 0; round < 2000; round++)
        {
            var rows = Enumerable.Range(0, random.Next(1, 12))
                .Select(i => ($"r{i}", random.Next(4) == 0 ? random.Next(0, 60) : random.Next(0, 7))).ToList();
            int total = rows.Sum(r => r.Item2);

            var cells = Suppression.Partition(rows, total);

            int published = cells.Where(c => !c.Suppressed).Sum(c => c.Count);
            int suppressed = cells.Count(c => c.Suppressed);
            string table = string.Join(' ', rows.Select(r => r.Item2));
            Assert.That(cells.Where(c => !c.Suppressed).Select(c => c.Count), Is.All.GreaterThanOrEqualTo(Suppression.MinimumCount), table);
            Assert.That(suppressed == 1 && cells.Count > 1, Is.False, table);
            Assert.That(total - published is 0 or >= Suppression.MinimumCount || Suppression.Total(total), Is.True, table);
        }
    }
}
