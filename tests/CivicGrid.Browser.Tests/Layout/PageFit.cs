using Microsoft.Playwright;

namespace CivicGrid.Browser.Tests.Layout;

/// <summary>What a page shows that does not fit its window: the page scrolling sideways, or a table wider than its box.</summary>
internal static class PageFit
{
    private const string Script = """
        () => {
            const width = document.documentElement.clientWidth;
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
            const problems = [];
            if (document.documentElement.scrollWidth > width + 1) {
                const leaves = [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > width + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > width + 1));
                problems.push('page ' + document.documentElement.scrollWidth + ' px wide in ' + width + ': ' + leaves.slice(0, 3).map(name).join(', '));
            }
            document.querySelectorAll('table').forEach(t => {
                const box = t.parentElement;
                if (t.getBoundingClientRect().width > box.clientWidth + 1) {
                    problems.push('table ' + Math.round(t.getBoundingClientRect().width) + ' px in ' + box.clientWidth + ': ' + name(t));
                }
            });
            return problems;
        }
        """;

    // The page's own words (headings, labels, buttons, column names, hints), not the records it shows, which stay as entered.
    private const string ChineseScript = """
        () => {
            const chrome = 'label, th, dt, legend, button, .nav-link, .dropdown-item, .form-text, .card-header, .alert, #rule-builder option, [placeholder]';
            const chinese = /[\u3400-\u9fff]/;
            const found = [];
            document.querySelectorAll(chrome).forEach(e => {
                // The language switch names the other language in its own words; the account's name is a record.
                if (e.closest('[data-record], [lang]:not(html), #who')) { return; }
                const own = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
                const texts = [own, e.getAttribute('placeholder') || '', e.getAttribute('title') || ''];
                texts.filter(t => chinese.test(t)).forEach(t => found.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ': ' + t.slice(0, 60)));
            });
            // A title and what follows it, such as the area's name, must not run together as one word.
            document.querySelectorAll('h1, h2, h3, .card-header').forEach(e => {
                if (/[A-Za-z][\u3400-\u9fff]|[\u3400-\u9fff][A-Za-z]/.test(e.innerText)) { found.push('run together: ' + e.innerText.slice(0, 60)); }
            });
            return [...new Set(found)];
        }
        """;

    /// <summary>Chinese words the open page shows where, in English, it should show its own English ones.</summary>
    private static async Task<IReadOnlyList<string>> ChineseAsync(IPage page, string path)
    {
        var found = await page.EvaluateAsync<string[]>(ChineseScript);
        return found.Select(f => $"{path}: {f}").ToList();
    }

    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        if (response is null || response.Status != 200)
        {
            return [$"{path}: {response?.Status}"];
        }
        var problems = await page.EvaluateAsync<string[]>(Script);
        return problems.Select(p => $"{path}: {p}").ToList();
    }

    /// <summary>What does not fit on each page, and on those of <paramref name="wordsChecked"/> also Chinese words an English page should not show.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page, IEnumerable<string> paths, IReadOnlySet<string>? wordsChecked = null)
    {
        var all = new List<string>();
        foreach (var path in paths)
        {
            all.AddRange(await ProblemsAsync(page, path));
            if (wordsChecked?.Contains(path) == true)
            {
                all.AddRange(await ChineseAsync(page, path));
            }
        }
        return all;
    }
}
