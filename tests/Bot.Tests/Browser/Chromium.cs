using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// Headless Chromium from the Debian package, and pages the size of a resident's phone. One browser process serves the
/// whole test run for each set of switches (starting one for each test cost seconds of CPU); a test's pages are in
/// contexts of its own (cookies, storage and cache apart), closed when the test disposes its <see cref="Chromium"/>.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string NotInstalled = $"Chromium is not installed at {ExecutablePath} (Debian package: chromium).";

    /// <summary>What the bot says, not what the visitor typed.</summary>
    public const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";

    public const string UserBubble = ".webchat__bubble--from-user";

    private static readonly ConcurrentDictionary<string, Lazy<Task<IBrowser>>> Browsers = new(StringComparer.Ordinal);
    private static readonly Lazy<Task<IPlaywright>> Driver = new(StartDriverAsync);

    private readonly IBrowser browser;
    private readonly ConcurrentBag<IBrowserContext> contexts = [];

    private Chromium(IBrowser browser) => this.browser = browser;

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>The browser with these switches, or null where Chromium is not installed (the tests then say they were skipped and why).</summary>
    public static async Task<Chromium?> LaunchAsync(params string[] extraArguments)
    {
        if (!IsInstalled)
        {
            return null;
        }
        var browser = await Browsers.GetOrAdd(string.Join('\n', extraArguments), _ => new(() => StartAsync(extraArguments))).Value;
        return new Chromium(browser);
    }

    /// <summary>A context of this test's own, closed with it.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await browser.NewContextAsync(options);
        contexts.Add(context);
        return context;
    }

    public Task<IPage> NewPhonePageAsync() => NewPageAsync(390, 844);

    /// <summary>A page of that size: a phone up to 600 px wide (touch, twice the pixels), a desktop above.</summary>
    public async Task<IPage> NewPageAsync(int width, int height)
    {
        var phone = width <= 600;
        var context = await NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = phone ? 2 : 1,
            IsMobile = phone,
            HasTouch = phone,
            Locale = "vi-VN",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return page;
    }

    /// <summary>Types a question once the chat is connected (the welcome is there), and waits for the bot to answer it.</summary>
    public static async Task AskAsync(IPage page, string text)
    {
        await page.Locator(Chromium.BotBubble).First.WaitForAsync();
        var sendBox = page.Locator("#webchat").GetByRole(AriaRole.Textbox);
        var answers = await page.Locator(Chromium.BotBubble).CountAsync();
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
        await page.Locator(Chromium.UserBubble).Filter(new() { HasText = text }).Last.WaitForAsync();
        await page.WaitForFunctionAsync(
            // A page that lost its host reconnects with back-off first: a patient wait, not a measure of the answer's speed.
            $"document.querySelectorAll({JsonSerializer.Serialize(Chromium.BotBubble)}).length > {answers}", null, new() { Timeout = 90_000 });
    }

    /// <summary>Saves a screenshot to the test output folder (not the repository) and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }

    private static async Task<IBrowser> StartAsync(string[] extraArguments)
    {
        var playwright = await Driver.Value;
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", .. extraArguments],
        });
    }

    private static async Task<IPlaywright> StartDriverAsync()
    {
        var playwright = await Playwright.CreateAsync();
        // The driver ends its browsers when it goes; the test process ends it as it exits.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => playwright.Dispose();
        return playwright;
    }
}

/// <summary>
/// A test class with a browser and one host on Kestrel, both started only where Chromium is installed; a class may give
/// the host settings and the browser command-line switches.
/// </summary>
public abstract class BrowserAndHostTests(IReadOnlyDictionary<string, string?>? hostSettings = null, params string[] browserArguments) : IAsyncLifetime
{
    protected KestrelWebChatFactory? Host { get; private set; }

    /// <summary>The host's settings, which a class may complete before the host starts.</summary>
    protected Dictionary<string, string?> HostSettings { get; } = new(hostSettings ?? new Dictionary<string, string?>());

    protected Chromium? Chromium { get; private set; }

    public virtual async Task InitializeAsync()
    {
        Chromium = await Chromium.LaunchAsync(browserArguments);
        if (Chromium is not null)
        {
            Host = new KestrelWebChatFactory(HostSettings);
        }
    }

    public virtual async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
