// Browser bench (not a test), run by bench/browser.sh: for each engine and Tor Browser security level, the end-to-end
// time of a report with one 3 MiB and one 100 MiB file through the real portal (click to confirmation), the rate and
// fixed cost those two give, and the same engine's raw age-encryption rate (the ceiling) in the same run.
//
//   node bench/browser/bench.mjs PORTAL_URL WORKDIR [engines]   engines: chromium,firefox-standard,firefox-safer,firefox-safest
import { createRequire } from "node:module";
import { createServer } from "node:http";
import { randomFillSync } from "node:crypto";
import { openSync, writeSync, closeSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const clientApp = resolve(here, "../../src/Portal/ClientApp");
const require = createRequire(join(clientApp, "package.json"));
const puppeteer = require("puppeteer-core");
const { build } = require("esbuild");
const { LEVEL_PREFS } = await import(join(clientApp, "tools/firefox-driver-prefs.mjs"));

const [portal, work, which = "chromium,firefox-standard,firefox-safer,firefox-safest"] = process.argv.slice(2);
const SIZES = (process.env.SIZES ?? "3,100").split(",").map(Number);
const RAW_MIB = 64;

// The raw rate: age-encryption's streaming Encrypter to one post-quantum recipient, in a worker, as the portal does.
const rawWorker = await build({
  stdin: {
    contents: `
      import { Encrypter, generateHybridIdentity, identityToRecipient } from "age-encryption";
      self.onmessage = async ({ data: mib }) => {
        const recipient = await identityToRecipient(await generateHybridIdentity());
        const slice = new Uint8Array(1 << 20);
        crypto.getRandomValues(slice.subarray(0, 65536));
        let left = mib;
        const plain = new ReadableStream({ pull(c) { if (left-- > 0) c.enqueue(slice.slice()); else c.close(); } });
        const started = performance.now();
        const e = new Encrypter();
        e.addRecipient(recipient);
        const reader = (await e.encrypt(plain)).getReader();
        let bytes = 0;
        for (;;) { const { value, done } = await reader.read(); if (done) break; bytes += value.length; }
        self.postMessage({ seconds: (performance.now() - started) / 1000, bytes });
      };`,
    resolveDir: clientApp,
    loader: "js",
  },
  bundle: true,
  format: "iife",
  write: false,
  minify: true,
});
const rawJs = rawWorker.outputFiles[0].contents;
const rawServer = createServer((req, res) => {
  if (req.url === "/raw-worker.js") {
    res.writeHead(200, { "Content-Type": "text/javascript" });
    res.end(rawJs);
  } else {
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end("<!doctype html><title>raw</title><p>raw</p>");
  }
});
await new Promise((r) => rawServer.listen(0, "127.0.0.1", r));
const rawUrl = `http://127.0.0.1:${rawServer.address().port}/`;

function makeFile(mib) {
  const path = join(work, `evidence-${mib}.bin`);
  const fd = openSync(path, "w");
  const block = Buffer.alloc(1 << 20);
  for (let i = 0; i < mib; i++) writeSync(fd, randomFillSync(block));
  closeSync(fd);
  return path;
}
const files = Object.fromEntries(SIZES.map((mib) => [mib, makeFile(mib)]));

async function launch(engine) {
  if (engine === "chromium") {
    return puppeteer.launch({
      browser: "chrome",
      executablePath: "/usr/bin/chromium",
      headless: true,
      protocolTimeout: 1_800_000,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  }
  const level = engine.slice("firefox-".length);
  return puppeteer.launch({
    browser: "firefox",
    executablePath: "/usr/bin/firefox-esr",
    headless: true,
    protocolTimeout: 1_800_000,
    extraPrefsFirefox: { "privacy.resistFingerprinting": true, ...LEVEL_PREFS[level] },
  });
}

async function raw(browser) {
  const page = await browser.newPage();
  await page.goto(rawUrl);
  const r = await page.evaluate(
    (mib) =>
      new Promise((resolve, reject) => {
        const w = new Worker("/raw-worker.js");
        w.onmessage = ({ data }) => resolve(data);
        w.onerror = (e) => reject(new Error(e.message));
        w.postMessage(mib);
      }),
    RAW_MIB,
  );
  await page.close();
  return r.bytes / 2 ** 20 / r.seconds;
}

/** Seconds from the press of "send" to the confirmation, for a report with one file; key actions only (Safest). */
async function endToEnd(browser, mib, javaScript) {
  const page = await browser.newPage();
  await page.goto(new URL("/en/submit", portal).toString(), { waitUntil: "load" });
  const description = await page.$("textarea[name='description']");
  await description.evaluate((e) => e.focus());
  await page.keyboard.type("Bench report.");
  await (await page.$("#files")).uploadFile(files[mib]);
  const button = await page.$("#report-form button[type=submit]");
  await button.evaluate((e) => e.focus());
  const started = performance.now();
  if (javaScript) {
    await page.keyboard.press("Enter");
    // Polled from here, not in the page: an in-page wait is one protocol call that can outlast any timeout under load.
    while (!(await page.$(".js-submitted, .js-error"))) await new Promise((r) => setTimeout(r, 100));
    if (await page.$(".js-error")) throw new Error(await page.$eval(".js-error", (e) => e.textContent));
  } else {
    await Promise.all([page.waitForNavigation({ timeout: 1_800_000 }), page.keyboard.press("Enter")]);
    if (!(await page.$("#codename"))) throw new Error("no codename on the result page");
  }
  const seconds = (performance.now() - started) / 1000;
  await page.close();
  return seconds;
}

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "n/a");
console.log("engine            raw MiB/s  " + SIZES.map((s) => `${s} MiB: s   MiB/s`.padEnd(20)).join("") + "rate MiB/s  fixed s  rate/raw");
for (const engine of which.split(",")) {
  const browser = await launch(engine);
  const version = await browser.version();
  const javaScript = engine !== "firefox-safest";
  const rawRate = javaScript ? await raw(browser) : NaN;
  const times = {};
  for (const mib of SIZES) times[mib] = await endToEnd(browser, mib, javaScript);
  await browser.close();
  const [small, big] = [Math.min(...SIZES), Math.max(...SIZES)];
  const rate = (big - small) / (times[big] - times[small]);
  const fixed = times[small] - small / rate;
  console.log(
    `${engine.padEnd(18)}${fmt(rawRate).padStart(9)}  ` +
      SIZES.map((s) => `${fmt(times[s]).padStart(8)} ${fmt(s / times[s]).padStart(7)}    `).join("") +
      `${fmt(rate).padStart(10)}  ${fmt(fixed).padStart(7)}  ${javaScript ? `${fmt((100 * rate) / rawRate, 0)} %` : "(server path)"}   ${version}`,
  );
}
rawServer.close();
