// Values produced by the C# implementation (SubmissionWriter, Padme.PaddedLength, SafeFileName.Sanitize);
// tests/Portal.Tests/ClientApp/CSharpFixtureTests.cs recomputes them with C# and fails if the fixture drifts.
import { readFileSync } from "node:fs";

export const fixture = JSON.parse(readFileSync(new URL("./fixtures/csharp-containers.json", import.meta.url), "utf8"));
export const fromBase64 = (s) => new Uint8Array(Buffer.from(s, "base64"));
