// The emergency procedure of docs/FORMATS.md#emergency-procedure, step for step, on a real submission made by the
// browser code (the modules the worker runs): a reviewer key file as the console writes it (an identity encrypted
// with the vault passphrase), a bundle holding the submission, then the doc's own steps: tar -xf the bundle and
// sha256sum its item, decrypt with the doc's decrypt.mjs (taken from FORMATS.md itself, run with node against the
// npm age-encryption of the lockfile), tar -xf the plaintext. Debian's age CLI is older than 1.3 and cannot open
// post-quantum files, so the CLI route is the one step not run here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Encrypter, generateHybridIdentity, identityToRecipient } from "age-encryption";
import { generateCodename, parseWordlist } from "../src/codename-generate.js";
import { deriveSourceKeys } from "../src/codename.js";
import { buildReport, documentBytes } from "../src/report.js";
import { BLOCK_SIZE, containerStream, ustarHeader } from "../src/container.js";
import { encryptStream } from "../src/encrypt.js";

const FORMATS = fileURLToPath(new URL("../../../../docs/FORMATS.md", import.meta.url));
const NODE_MODULES = fileURLToPath(new URL("../node_modules", import.meta.url));
// wordlist.js imports the list through the bundler; Node reads the same file (as codename-generate.test.js does).
const words = parseWordlist(readFileSync(new URL("../../../Crypto/Codenames/eff_large_wordlist.txt", import.meta.url), "utf8"));
const PASSPHRASE = "correct horse battery staple, for this test only";

async function collect(stream) {
  const parts = [];
  for await (const p of stream) parts.push(p);
  return Buffer.concat(parts);
}

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** A bundle laid out as the portal writes one (docs/FORMATS.md#bundle): manifest.json, then items/<id>.age. */
function bundle(items) {
  const manifest = {
    v: 1,
    kind: "submissions",
    created: new Date().toISOString().slice(0, 10),
    items: items.map((i) => ({ id: i.id, mailboxId: i.mailboxId, kind: "submission", size: i.bytes.length, sha256: sha256(i.bytes) })),
  };
  const entries = [["manifest.json", Buffer.from(JSON.stringify(manifest))], ...items.map((i) => [`items/${i.id}.age`, i.bytes])];
  const parts = [];
  for (const [name, bytes] of entries) {
    parts.push(ustarHeader(name, bytes.length), bytes, new Uint8Array((BLOCK_SIZE - (bytes.length % BLOCK_SIZE)) % BLOCK_SIZE));
  }
  parts.push(new Uint8Array(2 * BLOCK_SIZE));
  return Buffer.concat(parts);
}

/** The decrypt.mjs script exactly as docs/FORMATS.md gives it. */
async function docScript() {
  const doc = await readFile(FORMATS, "utf8");
  const emergency = doc.slice(doc.indexOf("## Emergency procedure"));
  const block = /```js\n(\/\/ decrypt\.mjs[\s\S]*?)```/.exec(emergency);
  assert.ok(block, "docs/FORMATS.md's emergency procedure has no decrypt.mjs block");
  return block[1];
}

test("emergency procedure: a browser-made submission opens with the doc's decrypt.mjs, npm age-encryption and tar", async () => {
  const dir = await mkdtemp(join(tmpdir(), "ws-emergency-"));
  try {
    // A reviewer key file as `whistle-review keygen` leaves it in the vault: keys/<name>.age.
    const identity = await generateHybridIdentity();
    const recipient = await identityToRecipient(identity);
    const keyFile = new Encrypter();
    keyFile.setPassphrase(PASSPHRASE);
    const keyText = `# created: 2026-12-07T00:00:00Z\n# public key: ${recipient}\n${identity}\n`;
    await mkdir(join(dir, "keys"));
    await writeFile(join(dir, "keys", "ana.age"), await keyFile.encrypt(keyText));

    // A submission, built and encrypted by the browser code as the worker does for "submit".
    const photo = randomBytes(200_000);
    const notes = Buffer.from("dates and names\n");
    const files = [new File([photo], "IMG 0042.jpg"), new File([notes], "../../etc/notes: draft?.txt")];
    const keys = await deriveSourceKeys(generateCodename(words));
    const report = buildReport([["categories", "arrest-quotas"], ["description", "What happened, in full."]], {
      files: files.map((f) => ({ name: f.name, size: f.size, copy: "original" })),
      caseKey: keys.caseKey,
      mailboxId: keys.mailboxId,
      replyRecipient: keys.replyRecipient,
      language: "en",
    });
    const plaintext = containerStream("report.json", documentBytes(report), files.map((f) => ({ name: f.name, blob: f })));
    const { stream, size } = await encryptStream([recipient], plaintext.stream, plaintext.length);
    const ciphertext = await collect(stream);
    assert.equal(ciphertext.length, size);
    const id = randomBytes(16).toString("hex");
    await writeFile(join(dir, "next.wsbundle"), bundle([{ id, mailboxId: keys.mailboxId, bytes: ciphertext }]));

    const run = (cmd, args, input) => execFileSync(cmd, args, { cwd: dir, input, encoding: "utf8" });

    // Step 1: the item, checked against the manifest.
    await mkdir(join(dir, "bundle"));
    run("tar", ["-xf", "next.wsbundle", "-C", "bundle"]);
    const manifest = JSON.parse(await readFile(join(dir, "bundle", "manifest.json"), "utf8"));
    const [listed] = run("sha256sum", [`bundle/items/${id}.age`]).split(" ");
    assert.equal(listed, manifest.items[0].sha256);

    // Step 3: decrypt with the doc's script, the passphrase on standard input (step 2: the key file as it is).
    await writeFile(join(dir, "decrypt.mjs"), await docScript());
    await symlink(NODE_MODULES, join(dir, "node_modules"), "dir");
    run(process.execPath, ["decrypt.mjs", "keys/ana.age", `bundle/items/${id}.age`, "submission.tar"], `${PASSPHRASE}\n`);

    // Step 4: unpack with tar.
    await mkdir(join(dir, "submission"));
    run("tar", ["-xf", "submission.tar", "-C", "submission"]);

    assert.deepEqual(JSON.parse(await readFile(join(dir, "submission", "report.json"), "utf8")), report);
    assert.deepEqual(run("ls", ["submission/files"]).trim().split("\n"), ["001-IMG 0042.jpg", "002-notes draft.txt"]);
    assert.ok((await readFile(join(dir, "submission", "files", "001-IMG 0042.jpg"))).equals(photo));
    assert.ok((await readFile(join(dir, "submission", "files", "002-notes draft.txt"))).equals(notes));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
