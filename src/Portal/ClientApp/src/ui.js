// Small DOM helpers for the browser path. Text only ever goes in through textContent: nothing the source typed or
// the server sent is parsed as HTML.

/** @param {string} tag @param {Record<string,string>} [attrs] @param {(Node|string)[]} [children] */
export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

/**
 * An accessible progress display: a <progress> with a label and a polite live region for the words.
 * @param {ReturnType<import("./messages.js").messages>} t
 */
export function progressPanel(t) {
  const bar = el("progress", { max: "100", "aria-label": t.progressLabel });
  const status = el("p", { role: "status", "aria-live": "polite" }, [t.working]);
  const panel = el("div", { class: "js-progress" }, [bar, status]);
  let lastPct = -1;
  return {
    panel,
    /** @param {{phase: string, done?: number, total?: number, retryIn?: number}} p */
    update(p) {
      if (p.phase === "upload" && p.total) {
        const pct = Math.floor((100 * p.done) / p.total);
        bar.value = pct;
        // Announce each 10 % step crossed only (chunks are 4 MiB, so steps are skipped on small uploads): a live
        // region that changed every chunk would drown a screen reader.
        if (lastPct < 0 || Math.floor(pct / 10) !== Math.floor(lastPct / 10) || pct === 100) status.textContent = t.upload(pct, p.done, p.total);
        lastPct = pct;
      } else if (p.phase === "pow") {
        bar.removeAttribute("value"); // indeterminate
        status.textContent = p.done ? t.powTried(p.done) : t.pow;
      } else if (p.phase === "retry") {
        status.textContent = t.retry(p.retryIn, p.done, p.total);
      } else if (t[p.phase] && typeof t[p.phase] === "string") {
        if (p.phase !== "complete") bar.removeAttribute("value");
        status.textContent = t[p.phase];
      }
    },
  };
}

/**
 * The message for a worker error.
 * @param {ReturnType<import("./messages.js").messages>} t
 * @param {{code: string, step?: string, status?: number}} e
 */
export function errorText(t, e) {
  if (e.code === "mailbox") return t.errors.mailbox;
  if (e.code === "recipients") return t.errors.recipients;
  if (e.code === "codename" && e.problem === "count") return t.errors.codenameCount(e.count);
  if (e.code === "codename" && e.problem === "word") return t.errors.codenameWord(e.word);
  if (e.code !== "upload") return t.errors.internal;
  if (e.status === 413) return t.errors.size;
  if (e.status === 429 || e.status === 503) return t.errors.quota;
  if (e.status === 0 || e.status >= 500) return t.errors.network;
  return t.errors.rejected;
}

/** Runs one request in a fresh worker; resolves with the final message, reports progress on the way. */
export function runInWorker(request, onProgress) {
  return new Promise((resolve) => {
    const worker = new Worker("/js/worker.js");
    worker.onmessage = ({ data }) => {
      if (data.type === "progress") {
        onProgress(data);
        return;
      }
      worker.terminate();
      resolve(data);
    };
    worker.onerror = () => {
      worker.terminate();
      resolve({ type: "error", code: "internal" });
    };
    worker.postMessage(request);
  });
}
