#!/usr/bin/env node
// Interop CLI for the C# tests (tests/Crypto.Tests/Interop): drives the same npm age-encryption and codename code
// the browser runs. Not shipped to browsers.
//
//   node tools/interop.mjs encrypt (--recipient R)... [--armor] < plaintext > ciphertext
//   node tools/interop.mjs encrypt --passphrase-file F [--work-factor N] [--armor] < plaintext > ciphertext
//   node tools/interop.mjs decrypt (--identity-file F | --passphrase-file F) < ciphertext > plaintext
//   node tools/interop.mjs keygen [--pq]                 identity file (age-keygen layout) on stdout
//   node tools/interop.mjs derive <codename words...>     JSON of the source keys on stdout
import { readFileSync } from "node:fs";
import { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import {
  Decrypter,
  Encrypter,
  armor,
  generateHybridIdentity,
  generateX25519Identity,
  identityToRecipient,
} from "age-encryption";
import { bytesToHex } from "@noble/hashes/utils.js";
import { deriveSeed, deriveSourceKeysFromSeed, normalizeCodename } from "../src/codename.js";

const ARMOR_BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----";

function fail(message) {
  process.stderr.write(`interop: error: ${message}\n`);
  process.exit(1);
}

function readPassphrase(file) {
  // One line, as `age` would read it from a terminal; a trailing newline is not part of it.
  return readFileSync(file, "utf8").replace(/\r?\n$/, "");
}

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

async function writeStream(webStream) {
  await webStream.pipeTo(Writable.toWeb(process.stdout));
}

async function encrypt(args) {
  const { values } = parseArgs({
    args,
    options: {
      recipient: { type: "string", short: "r", multiple: true },
      "passphrase-file": { type: "string" },
      "work-factor": { type: "string" },
      armor: { type: "boolean", short: "a" },
    },
  });
  const e = new Encrypter();
  if (values["passphrase-file"] !== undefined) {
    if (values["work-factor"] !== undefined) e.setScryptWorkFactor(Number.parseInt(values["work-factor"], 10));
    e.setPassphrase(readPassphrase(values["passphrase-file"]));
  }
  for (const r of values.recipient ?? []) e.addRecipient(r);
  if (values["passphrase-file"] === undefined && (values.recipient ?? []).length === 0) {
    fail("encrypt needs --recipient or --passphrase-file");
  }
  if (values.armor) {
    // Armor is one-shot in age-encryption 0.3.1; fine for test-sized inputs.
    const ciphertext = await e.encrypt(await readAll(process.stdin));
    process.stdout.write(armor.encode(ciphertext));
    return;
  }
  await writeStream(await e.encrypt(Readable.toWeb(process.stdin)));
}

function readIdentities(file) {
  return readFileSync(file, "utf8")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith("#"));
}

// Re-yields the bytes already read for sniffing, then the rest of the input.
function prepend(head, reader) {
  return new ReadableStream({
    start(controller) {
      if (head.length > 0) controller.enqueue(head);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

async function decrypt(args) {
  const { values } = parseArgs({
    args,
    options: {
      "identity-file": { type: "string", short: "i", multiple: true },
      "passphrase-file": { type: "string" },
    },
  });
  const d = new Decrypter();
  for (const f of values["identity-file"] ?? []) for (const id of readIdentities(f)) d.addIdentity(id);
  if (values["passphrase-file"] !== undefined) d.addPassphrase(readPassphrase(values["passphrase-file"]));
  if ((values["identity-file"] ?? []).length === 0 && values["passphrase-file"] === undefined) {
    fail("decrypt needs --identity-file or --passphrase-file");
  }

  // Sniff enough bytes to tell ASCII armor (possibly after whitespace) from a binary "age-encryption.org/v1" header.
  const reader = Readable.toWeb(process.stdin).getReader();
  let head = new Uint8Array(0);
  let ended = false;
  while (head.length < 64 && !ended) {
    const { done, value } = await reader.read();
    if (done) ended = true;
    else head = new Uint8Array(Buffer.concat([head, value]));
  }
  const text = Buffer.from(head).toString("latin1").trimStart();
  if (text.startsWith(ARMOR_BEGIN)) {
    const rest = await readAll(prepend(head, reader));
    const plaintext = await d.decrypt(armor.decode(Buffer.from(rest).toString("latin1")));
    process.stdout.write(plaintext);
    return;
  }
  await writeStream(await d.decrypt(prepend(head, reader)));
}

async function keygen(args) {
  const { values } = parseArgs({ args, options: { pq: { type: "boolean" } } });
  const identity = values.pq ? await generateHybridIdentity() : await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  process.stdout.write(`# created: ${new Date().toISOString()}\n# public key: ${recipient}\n${identity}\n`);
}

async function derive(args) {
  if (args.length === 0) fail("derive needs a codename");
  const codename = normalizeCodename(args.join(" "));
  const seed = deriveSeed(codename);
  const keys = await deriveSourceKeysFromSeed(seed);
  // Same field names as tests/Crypto.Tests/TestVectors/codenames.json, plus the identity.
  const out = {
    codename,
    seed: bytesToHex(seed),
    mailboxToken: bytesToHex(keys.mailboxToken),
    mailboxId: keys.mailboxId,
    replyRecipient: keys.replyRecipient,
    replyIdentity: keys.replyIdentity,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

const verbs = { encrypt, decrypt, keygen, derive };
const [verb, ...rest] = process.argv.slice(2);
if (!(verb in verbs)) fail("usage: interop.mjs encrypt|decrypt|keygen|derive ...");
try {
  await verbs[verb](rest);
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
