using WhistleSubmit.ReviewerConsole.Retention;

namespace WhistleSubmit.ReviewerConsole.Tests.Retention;

[TestFixture]
public sealed class TombstoneTests
{
    [Test]
    public void ErasedEntries_ReasonMimicsTheMarker_OnlyTheRealListCounts()
    {
        string details = Tombstone.Format("spoof; erased audit entries: 1,2,3", ["a"], [], [7, 9]);

        Assert.That(Tombstone.ErasedEntries(details), Is.EqualTo(new long[] { 7, 9 }));
    }

    [TestCase("case destroyed: x; erased audit entries: -")]
    [TestCase("case destroyed: x; erased audit entries: 1,,2")]
    [TestCase("case destroyed: x; erased audit entries: 1, 2")]
    [TestCase("case destroyed: x")]
    public void ErasedEntries_NoneOrMalformed_Empty(string details) =>
        Assert.That(Tombstone.ErasedEntries(details), Is.Empty);
}
