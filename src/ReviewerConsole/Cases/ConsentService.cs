using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Persistence;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>
/// Consent before referral (issue 19): reviewers ask the source, through a signed <see cref="SignedConsentRequest"/>
/// queued like a reply (item kind <c>consent-request</c>), whether the case may go to some kinds of destination; the
/// source's answer comes back as a <c>consent.json</c> follow-up, is recorded with the case at import
/// (<see cref="Record"/>), and the latest answer per destination decides whether <c>case-export</c> needs a second
/// reviewer's approval.
/// </summary>
internal static class ConsentService
{
    /// <summary>How each destination is named to reviewers.</summary>
    public static string Label(string destination) => destination switch
    {
        "osc" => "the Office of Special Counsel",
        "oig" => "an Office of Inspector General",
        "congress" => "Congress",
        "lawyer" => "a lawyer",
        "press" => "the press",
        _ => destination,
    };

    public static ReplyRecord Ask(VaultSession vault, string caseId, IEnumerable<string> destinations)
    {
        IReadOnlyList<string> canonical = Canonical(destinations);
        using TeamSigningKey teamKey = TeamKeyService.Load(vault);
        CaseRecord c = CaseQueryService.Get(vault, caseId).Case;
        if (c.ReplyRecipient is null)
        {
            throw new CliException($"case {c.ShortId} can't be asked yet: its source's report (which carries the reply key) is not in the vault");
        }

        string id = BundleItem.NewId();
        byte[] signed = new SignedConsentRequest { MailboxId = c.MailboxId, Id = id, Day = ReplyService.Today(vault), Destinations = canonical }.ToSignedDocument(teamKey);
        string text = $"Consent asked: may the case go to {string.Join(", ", canonical.Select(Label))}?";
        return ReplyService.Enqueue(vault, c, id, signed, AuditActions.ConsentRequestQueue, $"consent request ({string.Join(" ", canonical)})",
            r => r with { Text = text, Kind = ReplyRecord.ConsentRequestKind, Destinations = canonical });
    }

    /// <summary>
    /// Records an imported answer with its case, inside the import's transaction. An answer to a request this case
    /// never sent, or naming a destination the request did not ask about, is recorded as nothing and audited as such:
    /// only the reviewers' own questions get answers that count.
    /// </summary>
    public static void Record(VaultData data, string actor, string now, string caseId, string itemId, ConsentAnswerV1 answer)
    {
        ReplyRecord? request = data.RepliesOfCase(caseId).FirstOrDefault(r => r.Id == answer.Request && r.Kind == ReplyRecord.ConsentRequestKind);
        if (request is null || answer.Answers.Any(a => !request.Destinations!.Contains(a.Destination)))
        {
            AuditLog.Append(data, actor, now, AuditActions.ConsentAnswer, caseId, itemId,
                $"answer to request {answer.Request[..8]} not recorded: this case sent no such request, or it asked about other destinations");
            return;
        }

        var record = new ConsentRecord(itemId, caseId, answer.Request, now, [.. answer.Answers.Select(a => (a.Destination, a.Answer))]);
        data.InsertConsent(record);
        AuditLog.Append(data, actor, now, AuditActions.ConsentAnswer, caseId, itemId,
            $"answer to request {answer.Request[..8]}: {string.Join(", ", record.Answers.Select(a => $"{a.Destination} {a.Answer}"))}");
    }

    /// <summary>What counts per destination now (see <see cref="Latest"/>), in canonical order.</summary>
    public static IReadOnlyList<(string Destination, string Answer, string Time)> Answers(VaultSession vault, string caseId) =>
        vault.Read(data => Latest(data.ConsentsOfCase(caseId).ToList(), data.RepliesOfCase(caseId).ToList()));

    /// <summary>
    /// Per destination, only answers to the newest request that asked about it count (the console's own order of its
    /// requests, never the order or time answers arrived in, which a portal chooses): once a newer request is sent,
    /// older answers stop counting. Answers to that request that disagree count as "no", so a portal that replays an
    /// earlier "yes" (the same bytes under a new item id) after the source said "no" gains nothing. A portal can still
    /// withhold an answer; then the destination has none, and an export needs a second reviewer.
    /// </summary>
    public static IReadOnlyList<(string Destination, string Answer, string Time)> Latest(IEnumerable<ConsentRecord> records, IEnumerable<ReplyRecord> replies)
    {
        var newestRequest = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ReplyRecord request in replies.Where(r => r.Kind == ReplyRecord.ConsentRequestKind)
                     .OrderBy(r => r.Time, StringComparer.Ordinal).ThenBy(r => r.Seq))
        {
            foreach (string destination in request.Destinations ?? [])
            {
                newestRequest[destination] = request.Id;
            }
        }

        var counted = new Dictionary<string, (string Answer, string Time)>(StringComparer.Ordinal);
        foreach (ConsentRecord r in records.OrderBy(r => r.Time, StringComparer.Ordinal).ThenBy(r => r.ItemId, StringComparer.Ordinal))
        {
            foreach ((string destination, string answer) in r.Answers)
            {
                if (!newestRequest.TryGetValue(destination, out string? request) || request != r.RequestId)
                {
                    continue;
                }

                counted[destination] = counted.TryGetValue(destination, out var before) && before.Answer != answer
                    ? ("no", r.Time)
                    : (answer, r.Time);
            }
        }

        return [.. ConsentDestinations.All.Where(counted.ContainsKey).Select(d => (d, counted[d].Answer, counted[d].Time))];
    }

    /// <summary>The answer as the follow-up it travelled as: its case key and mailbox id, and a line saying what it answers.</summary>
    public static MessageV1 AsMessage(ConsentAnswerV1 answer) => new()
    {
        V = 2,
        CaseKey = answer.CaseKey,
        MailboxId = answer.MailboxId,
        Text = $"[Consent answer to request {answer.Request[..8]}] " + string.Join("; ", answer.Answers.Select(a => $"{Label(a.Destination)}: {a.Answer}")),
        Client = answer.Client,
    };

    /// <summary>The destination ids given, checked, deduplicated and in canonical order.</summary>
    public static IReadOnlyList<string> Canonical(IEnumerable<string> destinations)
    {
        var list = destinations.ToList();
        if (list.Count == 0)
        {
            throw new CliException("name at least one destination", $"use --destination with one of {string.Join(", ", ConsentDestinations.All)}");
        }

        string? unknown = list.FirstOrDefault(d => !ConsentDestinations.All.Contains(d));
        return unknown is null
            ? ConsentDestinations.Canonical(list)
            : throw new CliException($"\"{unknown}\" is not a destination", $"use one of {string.Join(", ", ConsentDestinations.All)}");
    }
}
