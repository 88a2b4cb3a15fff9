using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Releases;
using WhistleSubmit.ReviewerConsole.Statistics;

namespace WhistleSubmit.ReviewerConsole.Tests.Releases;

/// <summary>
/// Property tests of suppression across releases, over random sequences of register states and releases. The check
/// here is independent of <see cref="ReleaseSafety"/>'s components: it tries every set of rows, asks of each release
/// whether a reader knows the set's count exactly (checked itself against enumerating every consistent table), and
/// requires that no set known in both changed by 1 to 4.
/// </summary>
[TestFixture]
public sealed class ReleaseSafetyTests
{
    [Test]
    public void SafeCells_RandomSequencesOfTables_NeverLetASmallChangeBeWorkedOut([Range(1, 400)] int seed)
    {
        var random = new Random(seed);
        int k = random.Next(2, 6);
        string[] names = [.. Enumerable.Range(0, k).Select(i => $"r{i}")];
        int[] counts = [.. names.Select(_ => random.Next(0, 9))];
        var earlier = new List<(int Number, ReleaseSafety.View View)>();
        for (int step = 1; step <= 8; step++)
        {
            Mutate(random, counts);
            int total = counts.Sum();
            (IReadOnlyList<StatsCell> cells, ReleaseSafety.Conflict? refused) =
                ReleaseSafety.SafeCells([.. names.Select((n, i) => (n, counts[i]))], total, earlier);

            if (refused is not null)
            {
                Assert.That(earlier.Any(e => e.View.Total is { } t && !Suppression.Total(total) && Math.Abs(total - t) is >= 1 and <= 4), Is.True,
                    $"seed {seed} step {step}: refused only when the total itself changed by 1 to 4");
                continue;
            }

            var next = ReleaseSafety.View.Of(cells, total);
            AssertWithinRelease(cells, total);
            foreach ((int number, ReleaseSafety.View view) in earlier)
            {
                Assert.That(SmallKnownChanges(names, view, next), Is.Empty, $"seed {seed}: release {step} against release {number}");
            }

            earlier.Add((step, next));
        }
    }

    [Test]
    public void Build_RandomRegistersOverReleases_KeepEveryTableSafeAgainstEveryEarlierRelease([Range(1, 40)] int seed)
    {
        var random = new Random(seed);
        var incidents = new List<IncidentRecord>();
        var releases = new List<ReleaseRecord>();
        for (int step = 0; step < 6; step++)
        {
            for (int n = random.Next(0, 9); n > 0; n--)
            {
                incidents.Add(RandomIncident(random, step));
            }

            for (int edit = 0; edit < 2 && incidents.Count > 0; edit++)
            {
                int i = random.Next(incidents.Count);
                incidents[i] = incidents[i] with { Force = Pick(random, "yes", "no", "unknown")!, State = Pick(random, "TX", "CA", null), Updated = Stamp(step) };
            }

            if (incidents.Count == 0)
            {
                continue;
            }

            ReleaseContent content;
            try
            {
                content = ReleaseBuilder.Build(incidents, releases);
            }
            catch (WhistleSubmit.ReviewerConsole.Shared.CliException ex)
            {
                Assert.That(ex.Message, Does.Contain("is refused"));
                continue;
            }

            foreach (PublishedTable table in content.Record.Tables)
            {
                var next = ReleaseSafety.View.Of(table, content.Record.Total);
                foreach (ReleaseRecord earlier in releases)
                {
                    PublishedTable? old = earlier.Tables.SingleOrDefault(t => t.Name == table.Name);
                    if (old is null)
                    {
                        continue;
                    }

                    string[] rows = [.. old.Cells.Select(c => c.Value).Union(table.Cells.Select(c => c.Value))];
                    Assert.That(SmallKnownChanges(rows, ReleaseSafety.View.Of(old, earlier.Total), next), Is.Empty,
                        $"seed {seed}: table {table.Name}, release {content.Number} against {earlier.Number}");
                }
            }

            releases.Add(content.Record);
        }
    }

    [Test]
    public void KnownExactly_MatchesEnumeratingEveryConsistentTable([Range(1, 60)] int seed)
    {
        var random = new Random(seed);
        int k = random.Next(2, 5);
        string[] names = [.. Enumerable.Range(0, k).Select(i => $"r{i}")];
        int[] counts = [.. names.Select(_ => random.Next(0, 7))];
        IReadOnlyList<StatsCell> cells = Suppression.Partition([.. names.Select((n, i) => (n, counts[i]))], counts.Sum());
        var view = ReleaseSafety.View.Of(cells, counts.Sum());
        if (view.Total is null)
        {
            Assert.That(Subsets(names).Select(set => KnownExactly(view, set)), Is.All.Null, "a suppressed total tells nothing");
            return;
        }

        List<int[]> consistent = [.. Consistent(names, view)];

        foreach (string[] set in Subsets(names))
        {
            bool constant = consistent.Select(x => set.Sum(r => x[Array.IndexOf(names, r)])).Distinct().Count() == 1;
            Assert.That(KnownExactly(view, set) is not null, Is.EqualTo(constant), $"seed {seed}: {{{string.Join(",", set)}}}");
        }
    }

    [Test]
    public void Check_SmallChangeHiddenInAPublishedRow_IsFound()
    {
        var earlier = new ReleaseSafety.View(20, new Dictionary<string, int?> { ["a"] = 12, ["b"] = 8 });
        var next = new ReleaseSafety.View(22, new Dictionary<string, int?> { ["a"] = 14, ["b"] = 8 });

        ReleaseSafety.Conflict? conflict = ReleaseSafety.Check(1, earlier, next);

        Assert.That(conflict, Is.Not.Null);
        Assert.That(conflict!.Change, Is.EqualTo(2));
    }

    [Test]
    public void SafeCells_SmallChangeInOneRow_SuppressesMoreInsteadOfRefusing()
    {
        // Release 1 published a = 12, b = 8, c = 9. Two new incidents in a and five in b: a's change (2) must not be known.
        var earlier = new ReleaseSafety.View(29, new Dictionary<string, int?> { ["a"] = 12, ["b"] = 8, ["c"] = 9 });

        (IReadOnlyList<StatsCell> cells, ReleaseSafety.Conflict? refused) = ReleaseSafety.SafeCells([("a", 14), ("b", 13), ("c", 9)], 36, [(1, earlier)]);

        Assert.That(refused, Is.Null);
        Assert.That(cells.Single(c => c.Value == "a").Suppressed, Is.True);
        Assert.That(SmallKnownChanges(["a", "b", "c"], earlier, ReleaseSafety.View.Of(cells, 36)), Is.Empty);
    }

    /// <summary>The rules of one release: published rows at least 5, suppressed rows never alone and together 0 or at least 5.</summary>
    private static void AssertWithinRelease(IReadOnlyList<StatsCell> cells, int total)
    {
        if (Suppression.Total(total))
        {
            Assert.That(cells.Select(c => c.Suppressed), Is.All.True);
            return;
        }

        int group = cells.Where(c => c.Suppressed).Sum(c => c.Count);
        Assert.That(cells.Where(c => !c.Suppressed).Select(c => c.Count), Is.All.GreaterThanOrEqualTo(Suppression.MinimumCount));
        Assert.That(cells.Count(c => c.Suppressed), Is.Not.EqualTo(1));
        Assert.That(group == 0 || group >= Suppression.MinimumCount, Is.True);
    }

    private static void Mutate(Random random, int[] counts)
    {
        for (int n = random.Next(0, 8); n > 0; n--)
        {
            counts[random.Next(counts.Length)]++;
        }

        // An edit now and then moves an incident from one row to another.
        if (random.Next(4) == 0 && counts.Any(c => c > 0))
        {
            int from = Array.FindIndex(counts, c => c > 0);
            counts[from]--;
            counts[random.Next(counts.Length)]++;
        }
    }

    /// <summary>Every set of rows both releases give exactly and whose change is 1 to 4, described.</summary>
    /// <remarks>
    /// Exact shortcuts keep it small for long tables (months): a row known to be 0 in both releases changes no set's
    /// count, and the rows suppressed (in a group with a non-zero sum) in both can only be in a known set all together.
    /// </remarks>
    private static List<string> SmallKnownChanges(IReadOnlyList<string> rows, ReleaseSafety.View earlier, ReleaseSafety.View next)
    {
        var found = new List<string>();
        if (earlier.Total is null || next.Total is null)
        {
            return found;
        }

        // A set known in a release holds all of that release's suppressed group or none of it: each group moves as one.
        var grouped = new List<string>();
        var classes = new List<string[]>();
        foreach (string row in rows)
        {
            int? before = KnownExactly(earlier, [row]), after = KnownExactly(next, [row]);
            if (before is null || after is null)
            {
                grouped.Add(row);
            }
            else if (before != 0 || after != 0)
            {
                classes.Add([row]);
            }
        }

        string[] oldGroup = [.. grouped.Where(r => KnownExactly(earlier, [r]) is null)];
        string[] newGroup = [.. grouped.Where(r => KnownExactly(next, [r]) is null)];
        if (oldGroup.Intersect(newGroup).Any())
        {
            classes.Add([.. grouped]);
        }
        else
        {
            classes.AddRange(new[] { oldGroup, newGroup }.Where(g => g.Length > 0));
        }

        Assert.That(classes, Has.Count.LessThanOrEqualTo(20), "too many rows to try every set");
        foreach (string[] set in Subsets(classes.Select((_, i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList())
            .Select(picked => picked.SelectMany(i => classes[int.Parse(i, System.Globalization.CultureInfo.InvariantCulture)]).ToArray()))
        {
            if (KnownExactly(earlier, set) is { } before && KnownExactly(next, set) is { } after && Math.Abs(after - before) is >= 1 and <= 4)
            {
                found.Add($"{{{string.Join(",", set)}}}: {before} -> {after}");
            }
        }

        return found;
    }

    /// <summary>
    /// The set's count if a reader of this one release knows it exactly: published rows and rows not in the table are
    /// known; the suppressed rows are known only all together (total minus the rest), or each when that is 0.
    /// </summary>
    private static int? KnownExactly(ReleaseSafety.View view, IReadOnlyList<string> set)
    {
        if (view.Total is not { } total)
        {
            return null;
        }

        int group = total - view.Cells.Values.Sum(c => c ?? 0);
        var suppressed = view.Cells.Where(c => c.Value is null).Select(c => c.Key).ToList();
        int inSet = suppressed.Count(set.Contains);
        if (group != 0 && inSet != 0 && inSet != suppressed.Count)
        {
            return null;
        }

        return set.Sum(r => view.Cells.TryGetValue(r, out int? c) ? c ?? 0 : 0) + (inSet > 0 ? group : 0);
    }

    private static IEnumerable<int[]> Consistent(string[] names, ReleaseSafety.View view)
    {
        int group = view.GroupSum;
        int[] open = [.. names.Select((n, i) => (n, i)).Where(p => view.Cells[p.n] is null).Select(p => p.i)];
        foreach (int[] split in Compositions(group, open.Length))
        {
            int[] x = [.. names.Select(n => view.Cells[n] ?? 0)];
            for (int j = 0; j < open.Length; j++)
            {
                x[open[j]] = split[j];
            }

            yield return x;
        }
    }

    private static IEnumerable<int[]> Compositions(int sum, int parts)
    {
        if (parts == 0)
        {
            if (sum == 0)
            {
                yield return [];
            }

            yield break;
        }

        for (int first = 0; first <= sum; first++)
        {
            foreach (int[] rest in Compositions(sum - first, parts - 1))
            {
                yield return [first, .. rest];
            }
        }
    }

    private static IEnumerable<string[]> Subsets(IReadOnlyList<string> rows)
    {
        for (int mask = 1; mask < 1 << rows.Count; mask++)
        {
            yield return [.. rows.Where((_, i) => (mask & (1 << i)) != 0)];
        }
    }

    private static IncidentRecord RandomIncident(Random random, int step) => new(
        Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), IncidentOrigins.Source, Pick(random, "2019-03", "2020-07", "2021-01")!,
        Pick(random, "TX", "CA", null), null, Pick(random, "vehicle", "unknown")!, Pick(random, "yes", "no", "unknown")!, random.Next(3) == 0 ? null : random.Next(0, 2),
        random.Next(0, 2) == 0 ? 0 : null, Pick(random, "yes", "no", "unknown")!, random.Next(2) == 0 ? ["unlawful-force"] : ["unlawful-force", "arrest-quotas"],
        Pick(random, "single-source", "corroborated")!, null, null, [], ["00000000000000000000000000000000"], Stamp(step), Stamp(step));

    private static string Stamp(int step) => $"2026-0{1 + (step % 9)}-01T00:00:00.000Z";

    private static string? Pick(Random random, params string?[] values) => values[random.Next(values.Length)];
}
