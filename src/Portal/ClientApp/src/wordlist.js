// The EFF large wordlist (© 2016 Electronic Frontier Foundation, CC BY 3.0 US; attribution on the About page and in
// src/Crypto/Codenames/NOTICE.md), bundled from the same file C# embeds so both sides draw from one list.
import text from "../../../Crypto/Codenames/eff_large_wordlist.txt";
import { parseWordlist } from "./codename-generate.js";

export const words = parseWordlist(text);
