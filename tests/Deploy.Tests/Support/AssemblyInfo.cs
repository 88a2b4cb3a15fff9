using System.Runtime.Versioning;

// Everything under test (tor, systemd, bash scripts, a linux-x64 binary) is Linux-only.
[assembly: SupportedOSPlatform("linux")]
