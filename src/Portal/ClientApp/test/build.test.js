// The committed bundle must be exactly what `npm ci && npm run build` produces from the committed sources and
// lockfile, so what the portal serves (and its SRI hashes) can be checked by anyone who rebuilds it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { buildInto, DEFAULT_OUT } from "../tools/build.mjs";

test("build: rebuilding gives byte-identical files to the committed wwwroot/js", async () => {
  const dir = await mkdtemp(join(tmpdir(), "ws-build-"));
  try {
    await buildInto(dir);
    const built = (await readdir(dir)).sort();
    assert.deepEqual((await readdir(DEFAULT_OUT)).sort(), built);
    for (const file of built) {
      const [a, b] = await Promise.all([readFile(join(dir, file)), readFile(join(DEFAULT_OUT, file))]);
      assert.ok(a.equals(b), `${file} differs from a fresh build: run npm run build and commit`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("build: the manifest holds the sha384 of each script, and no script carries a local path or eval", async () => {
  const manifest = JSON.parse(await readFile(join(DEFAULT_OUT, "manifest.json"), "utf8"));
  assert.deepEqual(Object.keys(manifest).sort(), ["guard.js", "portal.js", "worker.js"]);
  for (const [file, sri] of Object.entries(manifest)) {
    const bytes = await readFile(join(DEFAULT_OUT, file));
    assert.equal(sri, `sha384-${createHash("sha384").update(bytes).digest("base64")}`);
    const text = bytes.toString("latin1");
    assert.ok(!/\/(work|home|root|tmp)\//.test(text), `${file} contains a local path`);
    assert.ok(!/\beval\(|new Function\(/.test(text), `${file} uses eval`);
    // XML namespace names (XMP, Office docProps) are identifiers that are never fetched; exifr names its home in an
    // error message.
    const namespaces = /https?:\/\/(ns\.adobe\.com|purl\.org|schemas\.openxmlformats\.org|www\.w3\.org|github\.com\/MikeKovarik\/exifr)\/?/g;
    assert.ok(!/https?:\/\//.test(text.replace(/paulmillr\.com/g, "").replace(namespaces, "")), `${file} names a remote URL`);
  }
});
