using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WhistleSubmit.TestSupport;

/// <summary>Tor Browser's security levels (its "security slider"), as Firefox preferences.</summary>
public enum TorSecurityLevel
{
    /// <summary>Everything on.</summary>
    Standard,

    /// <summary>JavaScript JITs, WebAssembly, asm.js and native regular expressions off: scripts run interpreted.</summary>
    Safer,

    /// <summary>JavaScript off.</summary>
    Safest,
}

/// <summary>
/// Debian's firefox-esr, Tor Browser's engine, headless with Tor Browser's preferences for one security level and
/// privacy.resistFingerprinting on, driven over WebDriver BiDi by src/Portal/ClientApp/tools/firefox-driver.mjs
/// (puppeteer-core from the committed lockfile; docs/DEVELOPMENT.md#firefox-esr-and-webdriver-bidi). One browser per
/// instance; <see cref="NewPageAsync"/> gives a fresh private context (no cookies or storage from before).
/// </summary>
public sealed class Firefox : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/firefox-esr";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);
    private readonly Process process;
    private readonly StringBuilder stderr;
    private int nextId;

    private Firefox(Process process, StringBuilder stderr, TorSecurityLevel level, string version)
    {
        this.process = process;
        this.stderr = stderr;
        Level = level;
        Version = version;
    }

    public TorSecurityLevel Level { get; }

    /// <summary>The browser's own version, e.g. "firefox/153.8.0".</summary>
    public string Version { get; }

    /// <summary>Whether pages run JavaScript at this level.</summary>
    public bool JavaScript => Level != TorSecurityLevel.Safest;

    /// <summary>Starts the driver and the browser; ignores the test when firefox-esr or the driver's packages are missing.</summary>
    public static async Task<Firefox> LaunchAsync(TorSecurityLevel level)
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Ignore($"{ExecutablePath} is not installed (apt-get install -y firefox-esr).");
        }

        string clientApp = Repository.Source("Portal/ClientApp");
        if (!Directory.Exists(Path.Combine(clientApp, "node_modules", "puppeteer-core")))
        {
            Assert.Ignore("puppeteer-core is not installed (npm ci in src/Portal/ClientApp).");
        }

        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = clientApp,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("tools/firefox-driver.mjs");
        info.ArgumentList.Add(level.ToString().ToLowerInvariant());
        info.ArgumentList.Add(ExecutablePath);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start node");
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                // Firefox is chatty on stderr; keep only the end, for failure messages.
                if (errors.Length > 20_000)
                {
                    errors.Remove(0, 10_000);
                }

                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        string? first = await ReadLineAsync(process, TimeSpan.FromMinutes(2));
        if (first is null || !first.Contains("\"ready\":true", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"the Firefox driver did not start: {first} {errors}");
        }

        string version = JsonNode.Parse(first)!["version"]!.GetValue<string>();
        return new Firefox(process, errors, level, version);
    }

    public Task NewPageAsync() => SendAsync("newPage");

    /// <summary>Loads a page and returns its HTTP status.</summary>
    public async Task<int> GotoAsync(Uri url) => (await SendAsync("goto", new { url = url.ToString() }))!.GetValue<int>();

    public async Task<Uri> UrlAsync() => new((await SendAsync("url"))!.GetValue<string>());

    /// <summary>A pointer click in the middle of the element.</summary>
    public Task ClickAsync(string selector) => SendAsync("click", new { selector });

    /// <summary>Clicks and waits for the page it navigates to; that page's HTTP status.</summary>
    public async Task<int> ClickAndWaitForPageAsync(string selector) => (await SendAsync("clickAndWait", new { selector }))!.GetValue<int>();

    /// <summary>Selects the field's text and types over it, key by key.</summary>
    public Task TypeAsync(string selector, string text) => SendAsync("type", new { selector, text });

    /// <summary>Sets a field's value without typing (date fields).</summary>
    public Task FillAsync(string selector, string text) => SendAsync("fill", new { selector, text });

    public Task SetFilesAsync(string selector, params string[] paths) => SendAsync("setFiles", new { selector, paths });

    public async Task<string> TextAsync(string selector) => (await SendAsync("text", new { selector }))!.GetValue<string>();

    public async Task<string> ValueAsync(string selector) => (await SendAsync("value", new { selector }))!.GetValue<string>();

    public async Task<string[]> TextsAsync(string selector) =>
        (await SendAsync("texts", new { selector }))!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    public async Task<int> CountAsync(string selector) => (await SendAsync("count", new { selector }))!.GetValue<int>();

    public async Task<string?> AttributeAsync(string selector, string name) => (await SendAsync("attribute", new { selector, name }))?.GetValue<string>();

    /// <summary>Waits until the selector matches (a condition, not a sleep).</summary>
    public Task WaitForAsync(string selector, TimeSpan timeout) =>
        SendAsync("waitFor", new { selector, timeoutMs = (int)timeout.TotalMilliseconds }, timeout + TimeSpan.FromMinutes(1));

    /// <summary>Waits until an element matching the selector contains <paramref name="text"/>; that element's text.</summary>
    public async Task<string> WaitForTextAsync(string selector, string text, TimeSpan timeout) =>
        (await SendAsync("waitForText", new { selector, text, timeoutMs = (int)timeout.TotalMilliseconds }, timeout + TimeSpan.FromMinutes(1)))!.GetValue<string>();

    /// <summary>axe-core's violations on the current page ("id: help at targets"); works with page JavaScript off.</summary>
    public async Task<string[]> AxeViolationsAsync() =>
        (await SendAsync("axe"))!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    public Task ScreenshotAsync(string path) => SendAsync("screenshot", new { path });

    /// <summary>
    /// For a test's TearDown: when the test failed, a full-page screenshot attached to the result (kept with the .trx
    /// as an artefact).
    /// </summary>
    public async Task KeepScreenshotIfFailedAsync()
    {
        var context = TestContext.CurrentContext;
        if (context.Result.Outcome.Status != NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            return;
        }

        string directory = Path.Combine(context.WorkDirectory, "firefox-screenshots");
        Directory.CreateDirectory(directory);
        string safeName = string.Concat(context.Test.Name.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
        string path = Path.Combine(directory, $"{Level}-{safeName}.png".ToLowerInvariant());
        try
        {
            await ScreenshotAsync(path);
            TestContext.AddTestAttachment(path, $"Firefox ({Level}) at the failure");
        }
        catch (InvalidOperationException e)
        {
            await TestContext.Out.WriteLineAsync($"no screenshot: {e.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            try
            {
                await SendAsync("close", null, TimeSpan.FromSeconds(30));
            }
            catch (InvalidOperationException)
            {
                // Killed below.
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }

    private async Task<JsonNode?> SendAsync(string cmd, object? args = null, TimeSpan? timeout = null)
    {
        int id = Interlocked.Increment(ref nextId);
        var request = args is null ? new JsonObject() : JsonSerializer.SerializeToNode(args)!.AsObject();
        request["id"] = id;
        request["cmd"] = cmd;
        await process.StandardInput.WriteLineAsync(request.ToJsonString());
        await process.StandardInput.FlushAsync();
        string? line = await ReadLineAsync(process, timeout ?? CommandTimeout);
        if (line is null)
        {
            string tail;
            lock (stderr)
            {
                tail = stderr.ToString();
            }

            throw new InvalidOperationException($"the Firefox driver stopped or did not answer {cmd}: {tail}");
        }

        var response = JsonNode.Parse(line)!.AsObject();
        if (response["id"]?.GetValue<int>() != id)
        {
            throw new InvalidOperationException($"the Firefox driver answered out of turn: {line}");
        }

        if (response["ok"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException($"Firefox {cmd} failed: {response["error"]}");
        }

        return response["value"];
    }

    private static async Task<string?> ReadLineAsync(Process process, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await process.StandardOutput.ReadLineAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
