// The page script: enhances the server-rendered forms (they work without it) so that reports, follow-ups and the
// mailbox are encrypted and decrypted in this browser. Everything heavy runs in /js/worker.js.
import { messages } from "./messages.js";
import { el, errorText, progressPanel, runInWorker } from "./ui.js";
import { metadataChooser } from "./metadata-ui.js";
import { newestStatus } from "./status-order.js";

const lang = document.documentElement.lang;
const t = messages(lang);

/** String fields of a form, minus the antiforgery token (the JS path posts no form) and files. */
/**
 * The API root the page names: a report form says data-js-upload="/api/uploads" (docs/PORTAL.md#upload-api), a mailbox form may say
 * data-js-api="/api". Default "/api".
 */
function apiRoot(form) {
  const upload = form.dataset.jsUpload;
  if (upload && upload.endsWith("/uploads")) return upload.slice(0, -"/uploads".length);
  return form.dataset.jsApi || "/api";
}

function formEntries(form) {
  return [...new FormData(form)].filter(([name, v]) => typeof v === "string" && !/requestverificationtoken/i.test(name));
}

/** A hidden-metadata chooser for each file input of the form; attachments() gathers what the source chose. */
function choosersOf(form) {
  const choosers = [...form.querySelectorAll('input[type="file"]')].map((input) => metadataChooser(input, lang));
  return async () => (await Promise.all(choosers.map((c) => c.attachments()))).flat();
}

/** Disables a form while it is being sent (fieldsets keep it navigable but inert). */
function setBusy(form, busy) {
  for (const c of form.elements) c.disabled = busy;
  form.setAttribute("aria-busy", String(busy));
}

function showError(container, e, form) {
  let text = errorText(t, e);
  if (e.code === "field") {
    text = t.errors.field;
    const field = [...form.elements].find((c) => c.name && c.name.toLowerCase().replace(/[^a-z]/g, "").endsWith(e.field.toLowerCase().replace(/[^a-z]/g, "")));
    field?.focus();
  }
  const p = el("p", { class: "js-error", role: "alert" }, [text]);
  container.replaceChildren(p);
}

/** Runs a request with a progress panel placed before `form`; returns the worker's final message. */
async function withProgress(form, request) {
  const host = el("div", { class: "js-status" });
  form.before(host);
  const progress = progressPanel(t);
  host.append(progress.panel);
  setBusy(form, true);
  const result = await runInWorker(request, (p) => progress.update(p));
  setBusy(form, false);
  if (result.type === "error") showError(host, result, form);
  else host.remove();
  return result;
}

/**
 * The one-time confirmation that replaces the page after a submission: the server's own result page, sent empty in
 * <template id="js-submitted-template"> so that both paths say the same things, filled in here (as text only).
 */
function submittedPanel({ codename, receipt }, files) {
  const template = document.getElementById("js-submitted-template");
  const panel = el("div", { class: "js-submitted" }, [template.content.cloneNode(true)]);
  panel.querySelector(".codename").textContent = codename;
  panel.querySelector(".receipt").textContent = receipt;
  const list = panel.querySelector(".files-sent");
  list.replaceChildren(...files.map((f) => el("li", {}, [f.name])));
  list.hidden = files.length === 0;
  panel.querySelector(".no-files-sent").hidden = files.length > 0;
  return { panel, heading: panel.querySelector("h1") };
}

function enhanceReportForm(form) {
  const attachmentsOf = choosersOf(form);
  // The server's note says files go as they are without JavaScript; with it, the chooser checks and cleans them.
  const note = document.getElementById("files-metadata");
  if (note?.dataset.jsText) note.textContent = note.dataset.jsText;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const attachments = await attachmentsOf();
    const result = await withProgress(form, { type: "submit", api: apiRoot(form), entries: formEntries(form), attachments, language: lang });
    if (result.type !== "submitted") return;
    // The same list as the no-JS result page: the names sent (a file sent as both copies appears twice).
    const { panel, heading } = submittedPanel(result, attachments);
    (form.closest("main") ?? form.parentElement).replaceChildren(panel);
    heading.focus();
  });
}

/** The follow-up form the JS mailbox shows under the replies: same upload path, kind "followup". */
function followupForm(api, codename) {
  const text = el("textarea", { id: "js-followup-text", name: "text", required: "", rows: "6" });
  const files = el("input", { id: "js-followup-files", name: "files", type: "file", multiple: "" });
  const form = el("form", { class: "js-followup", "aria-labelledby": "js-followup-title" }, [
    el("h2", { id: "js-followup-title" }, [t.followupTitle]),
    el("p", {}, [el("label", { for: "js-followup-text" }, [t.followupText])]),
    el("p", {}, [text]),
    el("p", {}, [el("label", { for: "js-followup-files" }, [t.followupFiles])]),
    el("p", {}, [files]),
    el("p", {}, [el("button", { type: "submit" }, [t.followupSend])]),
  ]);
  const chooser = metadataChooser(files, lang);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const attachments = await chooser.attachments();
    const result = await withProgress(form, { type: "followup", api, codename, text: text.value, attachments, language: lang });
    if (result.type !== "sent") return;
    const heading = el("h2", { tabindex: "-1" }, [t.sentTitle]);
    form.replaceWith(el("section", { class: "js-sent" }, [heading, el("p", {}, [t.sentBody, " ", el("code", { class: "receipt" }, [result.receipt])])]));
    heading.focus();
  });
  return form;
}

/** The newest verified case status: an older one the portal serves again cannot win over a newer one. */
function statusSection(items) {
  const c = t.caseStatus;
  const s = newestStatus(items.filter((i) => i.status === "verified" && i.kind === "status").map((i) => i.caseStatus));
  const body = s === null
    ? [el("p", { class: "case-status", "data-status": "none" }, [c.none])]
    : [
        el("p", { class: "case-status", "data-status": s.status }, [c.statuses[s.status]]),
        ...(s.referredTo === null ? [] : [el("p", { class: "case-referred-to" }, [c.referredTo(s.referredTo)])]),
        el("p", { class: "hint" }, [c.since(s.day)]),
      ];
  return el("section", { class: "js-case-status", "aria-labelledby": "js-status-title" }, [el("h2", { id: "js-status-title" }, [c.heading]), ...body]);
}

/** One verified consent request, answered per destination; the answer goes like a follow-up (kind "followup"). */
function consentForm(api, codename, request) {
  const c = t.caseStatus;
  const groups = request.destinations.map((d) => {
    const yes = `js-consent-${request.id}-${d}-yes`;
    const no = `js-consent-${request.id}-${d}-no`;
    return el("fieldset", { class: "field" }, [
      el("legend", {}, [c.destinations[d]]),
      el("input", { type: "radio", id: yes, name: `consent-${d}`, value: "yes" }), el("label", { for: yes }, [c.yes]),
      el("input", { type: "radio", id: no, name: `consent-${d}`, value: "no" }), el("label", { for: no }, [c.no]),
    ]);
  });
  const title = `js-consent-title-${request.id}`;
  const form = el("form", { class: "js-consent", "aria-labelledby": title }, [
    el("h2", { id: title }, [c.consentHeading]),
    el("p", { class: "hint" }, [c.asked(request.day)]),
    el("p", {}, [c.consentIntro]),
    ...groups,
    el("p", {}, [el("button", { type: "submit" }, [c.send])]),
  ]);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const answers = {};
    for (const d of request.destinations) {
      const chosen = form.querySelector(`input[name="consent-${d}"]:checked`);
      if (chosen) answers[d] = chosen.value;
    }
    if (Object.keys(answers).length === 0) {
      form.querySelector("input")?.focus();
      return;
    }
    const result = await withProgress(form, { type: "consent", api, codename, request: request.id, answers, language: lang });
    if (result.type !== "sent") return;
    const heading = el("h2", { tabindex: "-1" }, [c.sentTitle]);
    form.replaceWith(el("section", { class: "js-sent" }, [heading, el("p", {}, [c.sentBody, " ", el("code", { class: "receipt" }, [result.receipt])])]));
    heading.focus();
  });
  return form;
}

function repliesSection(all) {
  // Verified statuses and consent requests have their own sections; warnings stay in the list.
  const replies = all.filter((r) => r.status !== "verified" || r.kind === "reply");
  const heading = el("h2", { tabindex: "-1" }, [t.repliesTitle]);
  const list = replies.length === 0
    ? el("p", {}, [t.noReplies])
    : el("ol", { class: "replies" }, replies.map((r) =>
        el("li", {}, [
          el("p", {}, [el("time", { datetime: r.day }, [r.day])]),
          r.status === "verified"
            ? el("p", { class: "reply-text" }, [r.text])
            : r.status === "unverified"
              ? el("p", { class: "reply-warning" }, [t.unverified])
              : el("p", {}, [t.unreadable]),
        ])));
  return { heading, section: el("section", { class: "js-replies" }, [heading, el("p", {}, [t.mailboxPath]), list]) };
}

function enhanceMailboxForm(form) {
  const input = form.querySelector('input[name="codename" i], textarea[name="codename" i]');
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const codename = input.value;
    const result = await withProgress(form, { type: "mailbox", api: apiRoot(form), codename });
    if (result.type !== "replies") return;
    const { heading, section } = repliesSection(result.replies);
    // The codename stays only in this page's memory for the follow-up form; clear the visible field.
    input.value = "";
    const requests = result.replies.filter((r) => r.status === "verified" && r.kind === "consent-request")
      .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
    form.replaceWith(section, statusSection(result.replies), ...requests.map((r) => consentForm(apiRoot(form), codename, r.request)),
      followupForm(apiRoot(form), codename));
    heading.focus();
  });
}

/** The page's note on which path is used (id="encryption-path") now says the browser encrypts. */
function markBrowserPath(text) {
  const note = document.getElementById("encryption-path");
  if (!note) return;
  note.dataset.path = "browser";
  const paragraph = note.querySelector("p");
  if (paragraph) paragraph.textContent = text;
}

const reportForm = document.querySelector("form#report-form[data-js-upload]");
if (reportForm) {
  enhanceReportForm(reportForm);
  markBrowserPath(t.pathSubmit);
}
const mailboxForm =
  document.querySelector("form[data-js-mailbox]") ??
  document.querySelector('form input[name="codename" i], form textarea[name="codename" i]')?.form;
if (mailboxForm) {
  enhanceMailboxForm(mailboxForm);
  markBrowserPath(t.pathMailbox);
}
// Tell guard.js (the synchronous script in <head>) that the forms are ours now: it sends a form held meanwhile.
self.whistlePortalReady?.();
