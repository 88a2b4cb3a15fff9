using WhistleSubmit.ReviewerConsole.Cases;

namespace WhistleSubmit.ReviewerConsole.Tests.Cases;

[TestFixture]
public sealed class SimilarityTests
{
    private const string Text =
        "Officers at the processing center struck a restrained detainee several times while he was handcuffed to a bench "
        + "and then wrote in the log that he had resisted while two other detainees watched from the holding cell";

    [Test]
    public void Jaccard_OneWordChangedInLongText_IsAboveThreshold()
    {
        var a = Similarity.Shingles(Text);
        var b = Similarity.Shingles(Text.Replace("several", "many", StringComparison.Ordinal));

        Assert.That(Similarity.Jaccard(a, b), Is.GreaterThanOrEqualTo(Similarity.NearThreshold).And.LessThan(1));
    }

    [Test]
    public void Jaccard_CaseAndPunctuationOnly_IsOne()
    {
        var a = Similarity.Shingles(Text);
        var b = Similarity.Shingles(Text.ToUpperInvariant().Replace(" ", " , ", StringComparison.Ordinal));

        Assert.That(Similarity.Jaccard(a, b), Is.EqualTo(1));
    }

    [Test]
    public void Jaccard_UnrelatedTexts_IsLow()
    {
        var a = Similarity.Shingles(Text);
        var b = Similarity.Shingles("Supervisors set arrest quotas of twenty a day and punished agents who missed them");

        Assert.That(Similarity.Jaccard(a, b), Is.LessThan(0.1));
    }

    [Test]
    public void Jaccard_EmptyText_IsZero()
    {
        Assert.That(Similarity.Jaccard(Similarity.Shingles("!!!"), Similarity.Shingles("!!!")), Is.Zero);
    }

    [Test]
    public void Estimate_NearAndFarPairs_ClearsCandidateThresholdOnlyForNear()
    {
        byte[] a = Similarity.Signature(Similarity.Shingles(Text));
        byte[] near = Similarity.Signature(Similarity.Shingles(Text.Replace("several", "many", StringComparison.Ordinal)));
        byte[] far = Similarity.Signature(Similarity.Shingles("Supervisors set arrest quotas of twenty a day and punished agents who missed them"));

        Assert.That(Similarity.Estimate(a, a), Is.EqualTo(1));
        Assert.That(Similarity.Estimate(a, near), Is.GreaterThanOrEqualTo(Similarity.CandidateThreshold));
        Assert.That(Similarity.Estimate(a, far), Is.LessThan(Similarity.CandidateThreshold));
    }
}
