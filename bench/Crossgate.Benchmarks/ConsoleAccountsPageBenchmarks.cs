using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.Playwright;

namespace Crossgate.Benchmarks;

/// <summary>The console's accounts page with 1,000 accounts in Debian's chromium (headless, through Playwright): from
/// navigation until every row is in the table (target: under 1 s).</summary>
public class ConsoleAccountsPageBenchmarks
{
    private PlatformWithThousandAccounts _platform = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;
    private string _url = string.Empty;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _platform = await PlatformWithThousandAccounts.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium(), Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        _page = await (await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } })).NewPageAsync();
        _url = new Uri(_platform.Host.BaseAddress, "/console/").ToString();
        await _page.GotoAsync(new Uri(_platform.Host.BaseAddress, $"/console/login?token={_platform.OneTimeLogin}").ToString());
        await RenderAccountsPage();
    }

    [Benchmark]
    public async Task RenderAccountsPage()
    {
        await _page.GotoAsync(_url);
        // A locator, not a script: the console's Content-Security-Policy forbids evaluating strings.
        await _page.Locator("#accounts tbody tr").Nth(PlatformWithThousandAccounts.Accounts - 1).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _browser.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _playwright.Dispose();
        _platform.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Debian's chromium, found or installed by tests/browser/install-chromium.sh.</summary>
    private static string Chromium()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Crossgate.sln")))
        {
            root = root.Parent;
        }

        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true };
        info.ArgumentList.Add(Path.Combine(root!.FullName, "tests", "browser", "install-chromium.sh"));
        using var process = Process.Start(info)!;
        var path = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 ? path : throw new InvalidOperationException("No chromium: tests/browser/install-chromium.sh failed.");
    }
}
