// Test driver: Debian's firefox-esr (Tor Browser's engine) over WebDriver BiDi, through puppeteer-core from the
// committed lockfile (docs/DEVELOPMENT.md#firefox-esr-and-webdriver-bidi). tests/TestSupport/Firefox.cs starts it
// and sends one JSON request per line on stdin; each gets one JSON line back on stdout: {id, ok, value} or
// {id, ok: false, error}. Not part of the portal's bundle.
//
//   node tools/firefox-driver.mjs <standard|safer|safest> [executable]
import puppeteer from "puppeteer-core";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { createRequire } from "node:module";
import { LEVEL_PREFS } from "./firefox-driver-prefs.mjs";

const require = createRequire(import.meta.url);

const COMMON_PREFS = {
  "privacy.resistFingerprinting": true,
  // Quiet: no update checks, telemetry or first-run pages while tests run.
  "app.update.enabled": false,
  "browser.shell.checkDefaultBrowser": false,
  "datareporting.policy.dataSubmissionEnabled": false,
  "toolkit.telemetry.enabled": false,
};

const level = process.argv[2] ?? "standard";
if (!(level in LEVEL_PREFS)) {
  console.error(`unknown level ${level}`);
  process.exit(2);
}

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: process.argv[3] ?? "/usr/bin/firefox-esr",
  headless: true,
  extraPrefsFirefox: { ...COMMON_PREFS, ...LEVEL_PREFS[level] },
});
let context = null;
let page = null;
let pendingNavigation = null;

async function element(selector) {
  const handle = await page.$(selector);
  if (!handle) throw new Error(`no element matches ${selector}`);
  return handle;
}

/**
 * A pointer click in the middle of the element, after scrolling it into view. Puppeteer's ElementHandle.click()
 * loses the page in Firefox 153 when page JavaScript is off ("Target closed"); pointer actions work at every level.
 */
async function pointerClick(selector) {
  const handle = await element(selector);
  const viewport = page.viewport();
  let box = null;
  // Scroll, then wait for the box to be inside the viewport and still (a scroll may land a frame later).
  for (let tries = 0; tries < 50; tries++) {
    await handle.evaluate((e) => e.scrollIntoView({ block: "center", behavior: "instant" }));
    const before = await handle.boundingBox();
    await new Promise((r) => setTimeout(r, 50));
    box = await handle.boundingBox();
    const inside = box && box.y >= 0 && box.y + box.height / 2 < viewport.height && box.x >= 0 && box.x + box.width / 2 < viewport.width;
    if (inside && before && before.y === box.y) break;
    box = null;
  }
  if (!box) throw new Error(`${selector} could not be scrolled into view`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return handle;
}

/**
 * Every match's text, from one synchronous call on the root element. With page JavaScript off, promises in the
 * WebDriver sandbox never settle, so page.$$ and page.$$eval hang (and so would axe.run): only plain calls on a handle
 * answer.
 */
async function texts(selector) {
  return (await element("html")).evaluate((root, s) => [...root.querySelectorAll(s)].map((e) => e.innerText), selector);
}

const commands = {
  async newPage() {
    if (context) await context.close();
    context = await browser.createBrowserContext();
    page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    return null;
  },
  async goto({ url }) {
    const response = await page.goto(url, { waitUntil: "load" });
    return response?.status() ?? 0;
  },
  url: async () => page.url(),
  async click({ selector }) {
    await pointerClick(selector);
    return null;
  },
  /** Clicks and waits for the navigation it starts (a link, or a form posted without JavaScript); the status. */
  async clickAndWait({ selector }) {
    const [response] = await Promise.all([page.waitForNavigation({ waitUntil: "load", timeout: 120_000 }), pointerClick(selector)]);
    return response?.status() ?? 0;
  },
  /** Starts a navigation by click and returns at once; `waitNavigation` collects it. */
  async clickNoWait({ selector }) {
    pendingNavigation = page.waitForNavigation({ waitUntil: "load", timeout: 300_000 });
    pendingNavigation.catch(() => {});
    await pointerClick(selector);
    return null;
  },
  async waitNavigation() {
    const response = await pendingNavigation;
    pendingNavigation = null;
    return response?.status() ?? 0;
  },
  /** Types as a person would (pointer click, then key presses): works with JavaScript off, too. */
  async type({ selector, text }) {
    await pointerClick(selector);
    await page.keyboard.down("Control");
    await page.keyboard.press("a");
    await page.keyboard.up("Control");
    await page.keyboard.press("Backspace");
    await page.keyboard.type(text);
    return null;
  },
  /** Sets a field's value directly (date inputs, whose typed form depends on the locale). */
  async fill({ selector, text }) {
    await (await element(selector)).evaluate((e, v) => {
      e.value = v;
    }, text);
    return null;
  },
  async setFiles({ selector, paths }) {
    await (await element(selector)).uploadFile(...paths);
    return null;
  },
  text: async ({ selector }) => (await element(selector)).evaluate((e) => e.innerText),
  value: async ({ selector }) => (await element(selector)).evaluate((e) => e.value),
  texts: async ({ selector }) => texts(selector),
  count: async ({ selector }) => (await element("html")).evaluate((root, s) => root.querySelectorAll(s).length, selector),
  attribute: async ({ selector, name }) => (await element(selector)).evaluate((e, n) => e.getAttribute(n), name),
  /** Waits for a selector to match (polled from the test's side of the page, so it works without JavaScript). */
  async waitFor({ selector, timeoutMs }) {
    const deadline = Date.now() + (timeoutMs ?? 60_000);
    for (;;) {
      if (await page.$(selector)) return null;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${selector}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  },
  /** Waits until an element matching the selector contains the text; returns that element's text. */
  async waitForText({ selector, text, timeoutMs }) {
    const deadline = Date.now() + (timeoutMs ?? 60_000);
    for (;;) {
      const seen = await texts(selector);
      const hit = seen.find((t) => t.includes(text));
      if (hit !== undefined) return hit;
      if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}" in ${selector}; saw ${JSON.stringify(seen)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  },
  async screenshot({ path }) {
    await page.screenshot({ path, fullPage: true });
    return path;
  },
  /**
   * axe-core (from the lockfile) run in an isolated realm of the page, so it runs with page JavaScript off too and
   * the page's Content-Security-Policy does not stop it. Violations as "id: help at targets".
   */
  async axe() {
    const source = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
    const realm = page.mainFrame().isolatedRealm();
    const violations = await realm.evaluate(
      `(async () => { ${source}; const r = await axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map((v) => v.id + ": " + v.help + " at " + v.nodes.map((n) => n.target.join(" ")).join(", ")); })()`,
    );
    return violations;
  },
  async close() {
    await browser.close();
    setImmediate(() => process.exit(0));
    return null;
  },
};

const lines = createInterface({ input: process.stdin });
process.stdout.write(`${JSON.stringify({ ready: true, version: await browser.version() })}\n`);
for await (const line of lines) {
  let request;
  try {
    request = JSON.parse(line);
    const command = commands[request.cmd];
    if (!command) throw new Error(`unknown command ${request.cmd}`);
    const value = await command(request);
    process.stdout.write(`${JSON.stringify({ id: request.id, ok: true, value })}\n`);
  } catch (e) {
    process.stdout.write(`${JSON.stringify({ id: request?.id ?? null, ok: false, error: String(e?.stack ?? e) })}\n`);
  }
}
// stdin closed: the test process is gone.
await browser.close().catch(() => {});
process.exit(0);
