using DogMonitor.Tests.Infrastructure;
using System.Text.Json;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Browser;

/// <summary>
/// axe-core (npm, installed by ./test.sh into DogMonitor.Tests/node_modules) run in a page through Playwright, with
/// the WCAG 2.1 A and AA rules. Evaluated through the DevTools protocol, so the app's CSP need not be loosened for it.
/// </summary>
internal static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Repository.Root is { } root ? Path.Combine(root, "DogMonitor.Tests", "node_modules", "axe-core", "axe.min.js") : null;
        if (path is null || !File.Exists(path))
            Assert.Fail("The accessibility tests need axe-core: run `npm install` in DogMonitor.Tests (./test.sh does).");
        return File.ReadAllText(path!);
    });

    /// <summary>
    /// Every WCAG 2.1 A/AA violation on the page once its transitions have settled, one line each (rule, impact, where,
    /// why). A popover still fading in is drawn half transparent, and axe would measure the contrast of that moment.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        await page.EvaluateAsync(Source.Value);
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const finite = document.getAnimations().filter(a => a.effect?.getComputedTiming().endTime !== Infinity);
                const settled = Promise.all(finite.map(a => a.finished.catch(() => null)));
                await Promise.race([settled, new Promise(done => setTimeout(done, 2000))]);
                const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                return r.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => `${n.target.join(' ')} (${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()})`).join(' | ')}`);
            }
            """);
        return [.. result.EnumerateArray().Select(v => v.GetString()!)];
    }
}
