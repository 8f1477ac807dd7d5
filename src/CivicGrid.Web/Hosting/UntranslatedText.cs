using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Hosting;

/// <summary>
/// The pages' localizer. The Chinese text is the key, so a text without an English translation still shows, in Chinese;
/// outside Chinese this logs each such text once, so the log (and the browser tests that read it) name it.
/// </summary>
public sealed class UntranslatedText(IStringLocalizerFactory factory, UntranslatedText.Reports reports) : IStringLocalizer<SharedResource>
{
    private readonly IStringLocalizer _inner = factory.Create(typeof(SharedResource));

    public LocalizedString this[string name] => Checked(_inner[name]);

    public LocalizedString this[string name, params object[] arguments] => Checked(_inner[name, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _inner.GetAllStrings(includeParentCultures);

    private LocalizedString Checked(LocalizedString text)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        // A blank text (an empty field shown through the localizer) reads the same in every language.
        if (text.ResourceNotFound && !string.IsNullOrWhiteSpace(text.Name) && !culture.StartsWith("zh", StringComparison.Ordinal))
        {
            reports.Report(culture, text.Name);
        }
        return text;
    }

    /// <summary>The texts already logged in this process, so each is logged once rather than on every page view.</summary>
    public sealed class Reports(ILogger<UntranslatedText> logger)
    {
        private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);

        public void Report(string culture, string text)
        {
            if (_seen.TryAdd(culture + "|" + text, true))
            {
                logger.LogWarning("Untranslated text in {Culture}: {Text}", culture, text);
            }
        }
    }
}
