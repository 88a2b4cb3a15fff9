using System.Security.Cryptography;
using System.Text;

namespace WhistleSubmit.ReviewerConsole.Referral;

/// <summary>
/// The packet's only stylesheet, inline. The page's Content-Security-Policy allows exactly this stylesheet (by its
/// SHA-256) and nothing else: no script, no image, no font, no request of any kind, even if text slipped through.
/// </summary>
internal static class ReferralStyle
{
    public const string Css = """
        :root { color-scheme: light; }
        body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #111; background: #fff; margin: 2rem auto; max-width: 52rem; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.25rem; border-bottom: 2px solid #333; padding-bottom: .15rem; margin-top: 2rem; }
        h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
        .meta, .notice { font-family: Helvetica, Arial, sans-serif; font-size: 9.5pt; color: #333; }
        .notice { border: 1px solid #999; padding: .5rem .75rem; background: #f4f4f4; }
        table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: 10pt; }
        th, td { border: 1px solid #999; padding: .25rem .4rem; text-align: left; vertical-align: top; }
        th { background: #eee; font-family: Helvetica, Arial, sans-serif; font-weight: 600; }
        dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .4rem 0; }
        dl.fields dt { font-weight: bold; }
        dl.fields dd { margin: 0; white-space: pre-wrap; }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; border-left: 3px solid #666; padding: .25rem .75rem; margin: .4rem 0 1rem; unicode-bidi: isolate; direction: ltr; }
        .user { unicode-bidi: isolate; overflow-wrap: anywhere; }
        .hash, code { font-family: "DejaVu Sans Mono", "Courier New", monospace; font-size: 8.5pt; overflow-wrap: anywhere; }
        .flag { font-weight: bold; }
        .redacted { font-family: Helvetica, Arial, sans-serif; font-weight: bold; border: 1px solid #000; padding: 0 .2em; white-space: nowrap; }
        section.item { border-top: 1px solid #bbb; margin-top: 1.5rem; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; }
          h2 { break-after: avoid; page-break-after: avoid; }
          h3 { break-after: avoid; page-break-after: avoid; }
          tr, dl.fields, .notice { break-inside: avoid; page-break-inside: avoid; }
          section.item { break-before: auto; }
          .notice { background: none; }
          th { background: none; }
        }
        @page { margin: 18mm 16mm; }
        """;

    /// <summary>The CSP source for <see cref="Css"/>: its SHA-256 in base64.</summary>
    public static string Hash => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css))) + "'";
}
