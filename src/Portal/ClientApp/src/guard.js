// The first script of every page, loaded synchronously in <head> (tiny, so it costs one round trip at most, in
// parallel with the stylesheet). portal.js is deferred: on a slow link (Tor) the forms are on screen and clickable
// seconds before it runs, and a click then would post the report, or the codename, down the no-JavaScript path (the
// server sees the plaintext) although this browser runs JavaScript. Until portal.js says it has taken over, a submit
// of a form it takes over is held, the page says why, and the held form is sent by the browser path once portal.js
// is ready. If portal.js cannot load, or runs but fails before it is ready, the page says at once (pressed or not) that
// the server path will be used and the next press sends it.
import { messages } from "./messages.js";

const t = messages(document.documentElement.lang);
/** Forms portal.js takes over (the same selectors it uses). */
const GUARDED = "form#report-form[data-js-upload], form[data-js-mailbox], form#mailbox-form";
let state = "loading";
/** @type {HTMLFormElement|null} */
let held = null;
/** @type {HTMLElement|null} */
let note = null;

function say(form, text, role) {
  note?.remove();
  note = document.createElement("p");
  note.className = "js-guard";
  note.setAttribute("role", role);
  note.textContent = text;
  form.before(note);
}

document.addEventListener(
  "submit",
  (event) => {
    if (state !== "loading") return;
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches(GUARDED)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    held = form;
    form.setAttribute("aria-busy", "true");
    say(form, t.scriptLoading, "status");
  },
  true,
);

/** portal.js will not take the forms over: say so now (before any press, too), so the next press is a choice. */
function failed() {
  state = "failed";
  const form = held ?? document.querySelector(GUARDED);
  held = null;
  if (!form) return;
  form.removeAttribute("aria-busy");
  say(form, t.scriptFailed, "alert");
}

function isPortalScript(target) {
  return target instanceof HTMLScriptElement && /\/js\/portal\.js$/.test(target.src);
}

// A script that fails to load (network cut, integrity mismatch) fires "error" on its element; it does not bubble.
document.addEventListener(
  "error",
  (event) => {
    if (state === "loading" && isPortalScript(event.target)) failed();
  },
  true,
);

// A script that loaded but threw before it took the forms over still fires "load" (after it ran): without this a
// held press would wait for ever.
document.addEventListener(
  "load",
  (event) => {
    if (state === "loading" && isPortalScript(event.target)) failed();
  },
  true,
);

/** Called by portal.js once its submit handlers are in place: sends a held form through them. */
self.whistlePortalReady = () => {
  state = "ready";
  note?.remove();
  note = null;
  if (held) {
    const form = held;
    held = null;
    form.removeAttribute("aria-busy");
    form.requestSubmit();
  }
};
