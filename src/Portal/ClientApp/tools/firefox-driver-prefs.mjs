// Shared by tools/firefox-driver.mjs (tests) and bench/browser/bench.mjs.

// Tor Browser's security levels as preferences (its "security slider"), with resistFingerprinting at every level.
export const LEVEL_PREFS = {
  standard: {},
  safer: {
    "javascript.options.baselinejit": false,
    "javascript.options.ion": false,
    "javascript.options.wasm": false,
    "javascript.options.asmjs": false,
    "javascript.options.native_regexp": false,
  },
  safest: { "javascript.enabled": false },
};

