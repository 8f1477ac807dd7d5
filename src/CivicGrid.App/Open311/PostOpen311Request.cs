using System.Globalization;
using CivicGrid.App.Access;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;

namespace CivicGrid.App.Open311;

/// <summary>POST requests' form as the client sent it; attributes are keyed by the service's attribute codes.</summary>
public sealed record PostOpen311Request(string? ApiKey, string? JurisdictionId, string? ServiceCode, string? Latitude, string? Longitude, string? AddressString, string? Description)
{
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Phone { get; init; }
    public string? ClientAddress { get; init; }
}

public sealed record PostedOpen311Request(string ServiceRequestId, string Token, string ServiceNotice);

/// <summary>
/// Raises a case for an integration. It is the same case a resident raises in the app: it goes through
/// <see cref="SubmitCaseHandler"/>, acting as the key's integration so the audit chain names who sent it.
/// </summary>
public sealed class PostOpen311RequestHandler(CivicGridDbContext db, CurrentJurisdiction current, SubmitCaseHandler submit, Open311ServicesHandler services, CaseReference reference)
{
    /// <summary>SubmitCase's field names in the names the client used.</summary>
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["ItemCode"] = "service_code",
        ["Description"] = "description",
        ["Location"] = "lat/long",
        ["Address"] = "address_string",
        ["ContactPhone"] = "phone",
        ["ContactEmail"] = "email",
    };

    public async Task<Outcome<PostedOpen311Request>> HandleAsync(PostOpen311Request command, CancellationToken ct)
    {
        var key = await IntegrationKeySecret.FindActiveAsync(db, command.ApiKey, ct);
        if (key is null)
        {
            return Outcome<PostedOpen311Request>.Forbidden(string.IsNullOrWhiteSpace(command.ApiKey) ? "缺少 api_key" : "api_key 无效或已被吊销");
        }
        if (!await services.IsOursAsync(command.JurisdictionId, ct))
        {
            return Outcome<PostedOpen311Request>.NotFound();
        }
        var errors = new FieldErrors();
        var latitude = Coordinate(command.Latitude, "lat", 90, errors);
        var longitude = Coordinate(command.Longitude, "long", 180, errors);
        if (latitude is null != longitude is null && !errors.ContainsKey("lat") && !errors.ContainsKey("long"))
        {
            errors["lat/long"] = ["lat 与 long 须同时提供"];
        }
        var name = $"{command.LastName?.Trim()}{command.FirstName?.Trim()}";
        if (name.Length > 50)
        {
            errors["first_name/last_name"] = ["姓名不能超过 50 字"];
        }
        if (errors.Count > 0)
        {
            return Outcome<PostedOpen311Request>.Invalid(errors);
        }
        current.Set(AccountJurisdiction.Of(StaffRole.Resident, "~", $"open311:{key.Name}", command.ClientAddress));
        var code = command.ServiceCode?.Trim() ?? "";
        var questions = (await reference.GetAsync(db, ct)).Items.GetValueOrDefault(code)?.Attributes ?? [];
        var outcome = await submit.HandleAsync(new SubmitCase(code, command.Description ?? "", latitude, longitude, Blank(command.AddressString))
        {
            ThroughOpen311 = true,
            // Only the service's own questions are kept; anything else a client sends has nowhere to go.
            Answers = questions.Where(q => command.Attributes.ContainsKey(q.Code)).ToDictionary(q => q.Code, q => command.Attributes[q.Code]),
            ContactName = Blank(name),
            ContactEmail = Blank(command.Email),
            ContactPhone = Blank(command.Phone),
        }, ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            return Outcome<PostedOpen311Request>.Invalid(outcome.Errors.ToDictionary(e => ClientName(e.Key), e => e.Value));
        }
        var item = (await reference.GetAsync(db, ct)).Items[code];
        var submitted = outcome.Value!;
        return Outcome<PostedOpen311Request>.Ok(new PostedOpen311Request(
            submitted.Id.ToString(CultureInfo.InvariantCulture), submitted.Token, $"诉求已提交，将在{item.ResponseDeadline}内响应，{item.ResolveDeadline}内办结"));
    }

    private static string ClientName(string field) =>
        field.StartsWith("Answers.", StringComparison.Ordinal) ? $"attribute[{field["Answers.".Length..]}]" : Fields.GetValueOrDefault(field, field);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static double? Coordinate(string? text, string name, double limit, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= limit)
        {
            return value;
        }
        errors[name] = [$"{name} 应为 -{limit} 到 {limit} 之间的十进制度数"];
        return null;
    }
}
