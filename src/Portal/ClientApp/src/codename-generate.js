// Codename generation in the browser (docs/FORMATS.md#codename-derivation): 8 words drawn uniformly from the EFF
// large wordlist (7,776 words, ≈ 103 bits), the same list C#'s Codename.Generate uses. Keys come from codename.js.
import { deriveSourceKeys } from "./codename.js";

export const CODENAME_WORDS = 8;
export const WORDLIST_SIZE = 7776;

/**
 * Parses the wordlist text (one word per line) and checks it is the list we expect, so a damaged bundle cannot
 * silently shrink the codename space.
 * @param {string} text
 * @returns {string[]}
 */
export function parseWordlist(text) {
  const words = text.split("\n").map((w) => w.trim()).filter((w) => w.length > 0);
  if (words.length !== WORDLIST_SIZE || new Set(words).size !== WORDLIST_SIZE || words.some((w) => !/^[a-z-]+$/.test(w))) {
    throw new Error("the codename wordlist is damaged");
  }
  return words;
}

/**
 * A uniformly random index below `n` by rejection sampling on 32-bit values: `value % n` alone would favour the
 * first 2^32 mod n indices.
 * @param {number} n
 * @param {(a: Uint32Array) => Uint32Array} random fills its argument with CSPRNG output (crypto.getRandomValues)
 */
export function uniformIndex(n, random) {
  const limit = Math.floor(2 ** 32 / n) * n;
  const buffer = new Uint32Array(1);
  for (;;) {
    random(buffer);
    if (buffer[0] < limit) return buffer[0] % n;
  }
}

/**
 * A fresh codename: 8 lower-case words separated by single spaces (already in normalised form).
 * @param {string[]} words from {@link parseWordlist}
 * @param {(a: Uint32Array) => Uint32Array} [random]
 */
export function generateCodename(words, random = (a) => crypto.getRandomValues(a)) {
  const picked = [];
  for (let i = 0; i < CODENAME_WORDS; i++) picked.push(words[uniformIndex(words.length, random)]);
  return picked.join(" ");
}

/**
 * What is wrong with a typed codename, said without repeating it: the number of words, or the first word that is not
 * in the list (lower-cased, as the list has it). Null when it is a valid codename. Non-ASCII words are never list
 * words, as in C#'s Codename.TryNormalize (Unicode lower-casing could map them onto list words on one side only).
 * @param {string} typed
 * @param {string[]} words from {@link parseWordlist}
 * @returns {null | {problem: "count", count: number} | {problem: "word", word: string}}
 */
export function codenameProblem(typed, words) {
  const typedWords = String(typed).trim().split(/\s+/).filter((w) => w.length > 0);
  if (typedWords.length !== CODENAME_WORDS) return { problem: "count", count: typedWords.length };
  const list = new Set(words);
  const unknown = typedWords.find((w) => !/^[\x21-\x7e]+$/.test(w) || !list.has(w.toLowerCase()));
  if (unknown === undefined) return null;
  // A long paste shows only its start: enough to find it, not a wall of text.
  const word = unknown.toLowerCase();
  return { problem: "word", word: word.length > 20 ? `${word.slice(0, 20)}…` : word };
}

/**
 * A fresh codename and the keys derived from it.
 * @param {string[]} words
 */
export async function newSource(words) {
  const codename = generateCodename(words);
  return { codename, keys: await deriveSourceKeys(codename) };
}
