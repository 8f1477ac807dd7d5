using System.Text.RegularExpressions;

namespace CivicGrid.Testing;

/// <summary>Posts a page's form as a browser does: the page is read first for its antiforgery token and form name.</summary>
public static partial class PageForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string path, string formName, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = Token().Match(page).Groups[1].Value;
        var body = new List<KeyValuePair<string, string>>(fields) { new("_handler", formName), new("__RequestVerificationToken", System.Net.WebUtility.HtmlDecode(token)) };
        return await client.PostAsync(path, new FormUrlEncodedContent(body));
    }
}
