using CivicGrid.App.Open311;

namespace CivicGrid.Web.Open311;

/// <summary>Reads POST requests' form: plain fields, and attribute[code]=value or attribute[code][]=value for several values.</summary>
internal static class Open311Form
{
    public static PostOpen311Request ToCommand(IFormCollection form, string? clientAddress) =>
        new(One(form, "api_key"), One(form, "jurisdiction_id"), One(form, "service_code"), One(form, "lat"), One(form, "long"), One(form, "address_string"), One(form, "description"))
        {
            Attributes = Attributes(form),
            Email = One(form, "email"),
            FirstName = One(form, "first_name"),
            LastName = One(form, "last_name"),
            Phone = One(form, "phone"),
            ClientAddress = clientAddress,
        };

    private static string? One(IFormCollection form, string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;

    private static Dictionary<string, string> Attributes(IFormCollection form)
    {
        var answers = new Dictionary<string, List<string>>();
        foreach (var (key, values) in form)
        {
            var code = CodeOf(key);
            if (code is null)
            {
                continue;
            }
            if (!answers.TryGetValue(code, out var list))
            {
                answers[code] = list = [];
            }
            list.AddRange(values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()));
        }
        return answers.ToDictionary(a => a.Key, a => string.Join(',', a.Value));
    }

    private static string? CodeOf(string key)
    {
        const string head = "attribute[";
        if (!key.StartsWith(head, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = key[head.Length..];
        rest = rest.EndsWith("[]", StringComparison.Ordinal) ? rest[..^2] : rest;
        return rest.EndsWith(']') && rest.Length > 1 ? rest[..^1] : null;
    }
}
