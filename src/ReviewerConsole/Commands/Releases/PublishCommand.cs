using System.CommandLine;
using System.Globalization;
using WhistleSubmit.ReviewerConsole.Releases;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Statistics;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Releases;

/// <summary><c>whistle-review publish --out DIR</c> and <c>whistle-review verify-release DIR [--team-key FILE]</c>.</summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The directory to create for the release (must not exist yet).", HelpName = "DIR", Required = true };
        var asOf = new Option<string?>("--as-of")
        {
            Description = "The release's month (yyyy-mm, usually this month; not before any incident's month). Default: the latest month an incident happened.",
            HelpName = "MONTH",
        };
        var command = new Command("publish", $"""
            Publish the incident register: the next numbered, cumulative release, signed with the team key.

            DIR gets incidents.csv (public-record incidents, one per row, with citations), aggregates.csv and
            incidents.json (with source-derived incidents only as counts), incidents.schema.json, index.html (a
            static report with charts and methods, no scripts), team.pub, SHA256SUMS and SHA256SUMS.sig.

            Source-derived counts below {Suppression.MinimumCount} are suppressed, with the rows that would reveal them,
            and no count known from this release and an earlier one may differ by 1 to {Suppression.MinimumCount - 1}: more rows
            are suppressed where needed, and where that cannot help, the previous release's source-derived counts
            are published again unchanged (the rest is new). The vault keeps what each release published. The release is dated by --as-of, never by when anything was recorded.
            The same register and --as-of give the same files, the signature included.
            """)
        {
            output,
            asOf,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            ReleaseService.Published p = ReleaseService.Publish(vault, parse.GetValue(output)!, parse.GetValue(asOf));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Published release {p.Content.Number} (as of {p.Content.AsOf}) to {p.Directory}"));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{p.Content.PublicRecords.Count} public-record incidents; source-derived incidents: {(p.Content.Source.Total.Suppressed ? "fewer than " + Suppression.MinimumCount.ToString(CultureInfo.InvariantCulture) : p.Content.Source.Total.Count.ToString(CultureInfo.InvariantCulture))}; {p.Suppressed} counts suppressed"));
            if (p.Content.CarriedFrom is { } from)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Source-derived counts carried forward unchanged from release {from}: fewer than {Suppression.MinimumCount} source-derived incidents changed in a way a reader could tell apart"));
            }

            Console.Out.WriteLine($"SHA256SUMS sha256: {p.SumsSha256}");
            Console.Out.WriteLine($"Signed with the team key {p.TeamFingerprint}");
        }));
        return command;
    }

    public static Command Verify()
    {
        var directory = new Argument<string>("DIR") { Description = "The release directory." };
        var key = new Option<string?>("--team-key") { Description = "The team's public key file (team.pub, from the team; one inside DIR is refused). Default: the vault's team key.", HelpName = "FILE" };
        var command = new Command("verify-release", """
            Check a release: SHA256SUMS.sig must be the team's signature (Ed25519 and ML-DSA-65 both) of
            SHA256SUMS, and DIR must hold exactly the files it lists, with those SHA-256 hashes.
            Exit status 3 if anything fails. With --team-key, no vault is needed.
            """)
        {
            directory,
            key,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            Crypto.Signing.TeamPublicKey team;
            if (parse.GetValue(key) is { } path)
            {
                team = ReleaseVerifier.ReadKey(path, parse.GetValue(directory)!);
            }
            else
            {
                using VaultSession vault = VaultOptions.Open(parse);
                team = TeamKeyService.PublicKey(vault);
            }

            ReleaseVerifier.Verified v = ReleaseVerifier.Verify(parse.GetValue(directory)!, team);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Release {v.Release} (as of {v.AsOf}): good signature by the team key {team.DisplayFingerprint}; all {v.Files} files match SHA256SUMS"));
        }));
        return command;
    }
}
