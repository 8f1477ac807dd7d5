using CivicGrid.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests;

/// <summary>What a journey's site logged above information and what its pages showed last, for reading a failure.</summary>
internal static class JourneyReport
{
    private const int PageTextLength = 1_500;

    public static async Task WriteAsync(ITestOutputHelper output, LogSink logs, IEnumerable<IBrowserContext> contexts)
    {
        foreach (var line in logs.AtLeast(LogLevel.Warning))
        {
            output.WriteLine($"server: {line}");
        }
        foreach (var page in contexts.SelectMany(c => c.Pages).Where(p => !p.IsClosed))
        {
            output.WriteLine($"page {page.Url}:\n{await TextAsync(page)}");
        }
    }

    private static async Task<string> TextAsync(IPage page)
    {
        try
        {
            var text = await page.InnerTextAsync("body", new PageInnerTextOptions { Timeout = 2_000 });
            return text.Length <= PageTextLength ? text : text[..PageTextLength] + " …";
        }
        catch (PlaywrightException e)
        {
            return $"(no text: {e.Message.Split('\n')[0]})";
        }
    }
}
