// npm run build: bundles the browser code into ../wwwroot/js/ and writes manifest.json (file → sha384 SRI hash),
// which the portal reads at startup to put integrity="…" on its <script> tags.
// The output is committed, so `dotnet run` works on a machine without npm; test/build.test.js rebuilds into a
// temporary folder and requires identical bytes, which holds because esbuild's output depends only on the sources,
// the locked package versions and these options (no source maps, no paths, no timestamps).
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const ENTRY_POINTS = { guard: "src/guard.js", portal: "src/portal.js", worker: "src/worker.js" };
export const DEFAULT_OUT = resolve(root, "../wwwroot/js");

/** @param {string} outdir */
export async function buildInto(outdir) {
  await mkdir(outdir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir,
    bundle: true,
    minify: true,
    // Classic scripts: a classic Worker and a plain <script defer> work in Tor Browser (Firefox ESR) and Chromium alike.
    format: "iife",
    // Firefox ESR 115+ and current Chromium; crypto.subtle, BigInt and streams are all there.
    target: ["es2022"],
    platform: "browser",
    sourcemap: false,
    legalComments: "eof",
    charset: "ascii",
    loader: { ".txt": "text" },
    logLevel: "warning",
  });
  const manifest = {};
  for (const name of Object.keys(ENTRY_POINTS).sort()) {
    const file = `${name}.js`;
    const bytes = await readFile(join(outdir, file));
    manifest[file] = `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
  }
  await writeFile(join(outdir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = await buildInto(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUT);
  for (const [file, hash] of Object.entries(manifest)) console.log(`${file} ${hash}`);
}
