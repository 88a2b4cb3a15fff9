// The hidden-metadata chooser beside a file input (docs/PORTAL.md#hidden-metadata): when files are chosen, a worker
// reads them in this browser, the page lists what each holds, and the source picks per file a cleaned copy (the
// default), the original, or both. Nothing is sent: the chosen copies go into the encrypted container on submit.
import { el } from "./ui.js";
import { metadataMessages } from "./metadata-messages.js";

// A hostile or pathological file must not keep the page waiting: the checking worker is ended after this long and
// every file it had not answered for is sent as it is, said so.
const WATCHDOG_BASE_MS = 30_000;
const WATCHDOG_PER_MIB_MS = 2_000;

/** Runs the inspection in its own worker; resolves with one result per file, whatever happens. */
function inspectInWorker(files) {
  return new Promise((resolve) => {
    const worker = new Worker("/js/worker.js");
    const giveUp = () => resolve(files.map(() => ({ status: "unchecked", reason: "timeout", findings: [], notes: [], cleaned: null })));
    const mib = files.reduce((n, f) => n + f.size, 0) / 2 ** 20;
    const timer = setTimeout(() => {
      worker.terminate();
      giveUp();
    }, WATCHDOG_BASE_MS + WATCHDOG_PER_MIB_MS * mib);
    worker.onmessage = ({ data }) => {
      if (data.type === "progress") return;
      clearTimeout(timer);
      worker.terminate();
      resolve(data.type === "inspected" ? data.results : files.map(() => ({ status: "unchecked", reason: "malformed", findings: [], notes: [], cleaned: null })));
    };
    worker.onerror = () => {
      clearTimeout(timer);
      worker.terminate();
      giveUp();
    };
    worker.postMessage({ type: "inspect", api: "/api", files });
  });
}

function list(items) {
  return el("ul", { class: "metadata-findings" }, items.map((f) => el("li", {}, [`${f.group}: ${f.tag}`, f.value ? ` = ${f.value}` : ""])));
}

/** One file's section: what was found and, when a cleaned copy exists, the three choices. */
function fileSection(m, file, index, r) {
  const id = `metadata-file-${index}`;
  const children = [el("h3", { id }, [file.name])];
  if (r.status === "unchecked") {
    children.push(el("p", { class: "metadata-unchecked" }, [m.unchecked[r.reason] ?? m.unchecked.type]));
  } else if (r.status === "cannot-clean") {
    if (r.findings.length > 0) children.push(el("p", {}, [m.found]), list(r.findings));
    children.push(el("p", { class: "metadata-warning" }, [m.cannotClean, " ", m.reasons[r.reason] ?? ""]));
  } else {
    children.push(r.findings.length > 0 ? el("p", {}, [m.found]) : el("p", {}, [m.none]));
    if (r.findings.length > 0) children.push(list(r.findings));
    const name = `metadata-copy-${index}`;
    const radio = (value, checked) => {
      const input = el("input", { type: "radio", name, value, id: `${name}-${value}` });
      input.checked = checked;
      return el("p", {}, [input, " ", el("label", { for: `${name}-${value}` }, [m[value]])]);
    };
    children.push(el("fieldset", { class: "metadata-choice" }, [
      el("legend", {}, [`${m.choice}: ${file.name}`]),
      radio("cleaned", true),
      radio("original", false),
      radio("both", false),
      el("p", { class: "hint" }, [m.cleanedNote]),
    ]));
  }
  if (r.notes?.length > 0) children.push(el("p", {}, [m.notes]), list(r.notes));
  return el("section", { class: "metadata-file", "aria-labelledby": id, "data-status": r.status }, children);
}

/**
 * Adds the chooser after `input`. attachments() resolves, once checking is over, to the list to send:
 * [{name, blob, copy}] in the order of the files, a "both" choice giving the cleaned copy then the original.
 * @param {HTMLInputElement} input
 * @param {string} lang
 */
export function metadataChooser(input, lang) {
  const m = metadataMessages(lang);
  // Only the short status line is live: a screen reader hears "checked", then reads the lists at its own pace.
  const status = el("p", { role: "status", class: "metadata-status" });
  const body = el("div");
  const panel = el("div", { class: "js-metadata" }, [status, body]);
  panel.hidden = true;
  input.after(panel);
  let pending = Promise.resolve({ files: [], results: [] });

  function check() {
    const files = [...input.files];
    if (files.length === 0) {
      panel.hidden = true;
      body.replaceChildren();
      pending = Promise.resolve({ files, results: [] });
      return;
    }
    panel.hidden = false;
    body.replaceChildren();
    status.textContent = m.checking;
    pending = inspectInWorker(files).then((results) => {
      // A newer choice of files replaced these while they were checked: its own check renders.
      if (input.files.length !== files.length || [...input.files].some((f, i) => f !== files[i])) return pending;
      const sections = files.map((f, i) => fileSection(m, f, i, results[i]));
      const unclean = results.some((r) => r.status === "unchecked" || r.status === "cannot-clean");
      status.textContent = m.checked(files.length);
      body.replaceChildren(el("h2", {}, [m.heading]), el("p", {}, [m.intro]), ...sections, ...(unclean ? [el("p", {}, [m.advice])] : []));
      return { files, results };
    });
  }

  input.addEventListener("change", check);
  if (input.files?.length > 0) check();

  return {
    panel,
    async attachments() {
      const { files, results } = await pending;
      return files.flatMap((file, i) => {
        const r = results[i];
        if (!r?.cleaned) return [{ name: file.name, blob: file, copy: "original" }];
        const choice = body.querySelector(`input[name="metadata-copy-${i}"]:checked`)?.value ?? "cleaned";
        const cleaned = { name: file.name, blob: r.cleaned, copy: "cleaned" };
        const original = { name: file.name, blob: file, copy: "original" };
        return choice === "original" ? [original] : choice === "both" ? [cleaned, original] : [cleaned];
      });
    },
  };
}
