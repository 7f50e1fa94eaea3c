using System.Diagnostics;

namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>Debian's headless Chromium (installed by scripts/install-peers.sh) takes a screenshot of a local file,
/// with nothing fetched from the network; stopped by its PID if it hangs.</summary>
internal static class ChromiumScreenshot
{
    public const string Executable = "/usr/bin/chromium";

    public static async Task<string> TakeAsync(string htmlPath, string pngPath, int width, int height)
    {
        var profile = Directory.CreateTempSubdirectory("monitoring-chromium-").FullName;
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", $"--user-data-dir={profile}",
            $"--window-size={width},{height}", $"--screenshot={pngPath}", new Uri(htmlPath).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium did not finish the screenshot within 90 s:\n{await stderr}");
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A crash reporter may still hold a file for a moment; the temp folder is swept by the OS.
            }
        }

        if (process.ExitCode != 0 || !File.Exists(pngPath))
        {
            throw new InvalidOperationException($"chromium exited {process.ExitCode} without a screenshot:\n{await stderr}");
        }

        return await stderr;
    }
}
