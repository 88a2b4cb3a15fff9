using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.Portal.Features.NoScript;

namespace WhistleSubmit.Portal.Features.Mailbox;

/// <summary>The no-JS consent form's fields: the request id and one yes/no radio group per destination.</summary>
internal static class ConsentFields
{
    public static readonly IReadOnlyDictionary<string, int> Limits = BuildLimits();

    /// <summary>The answers given, in canonical order; a value other than yes or no is no answer.</summary>
    public static IReadOnlyList<ConsentChoice> Answers(ReceivedForm form) =>
        [.. ConsentDestinations.All
            .Select(d => (Destination: d, Answer: form.Single(ConsentForm.FieldPrefix + d)))
            .Where(a => a.Answer is "yes" or "no")
            .Select(a => new ConsentChoice { Destination = a.Destination, Answer = a.Answer! })];

    private static Dictionary<string, int> BuildLimits()
    {
        var limits = new Dictionary<string, int>(StringComparer.Ordinal) { [ConsentForm.RequestField] = 32 };
        foreach (string d in ConsentDestinations.All)
        {
            limits[ConsentForm.FieldPrefix + d] = 3;
        }

        return limits;
    }
}
