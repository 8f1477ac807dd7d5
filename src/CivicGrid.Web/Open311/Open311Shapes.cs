using CivicGrid.App.Open311;

namespace CivicGrid.Web.Open311;

/// <summary>The GeoReport v2 documents, field by field in the specification's names and order.</summary>
internal static class Open311Shapes
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";
    /// <summary>When this interface last changed; clients compare it to know whether to read the discovery again.</summary>
    public static readonly DateTimeOffset Changeset = new(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(8));

    public static Open311Object Discovery(string url, string contact) => new()
    {
        ("changeset", Changeset),
        ("contact", contact),
        ("key_service", "提交诉求所需的 api_key 由区管理员在 CivicGrid“接口密钥”页面签发"),
        ("endpoints", new Open311List("endpoint",
        [
            new Open311Object
            {
                ("specification", Specification),
                ("url", url),
                ("changeset", Changeset),
                ("type", "production"),
                ("formats", new Open311List("format", ["text/xml", "application/json"])),
            },
        ])),
    };

    public static Open311List Services(IEnumerable<Open311Service> services) => new("service", services.Select(s => (object?)new Open311Object
    {
        ("service_code", s.Code),
        ("service_name", s.Name),
        ("description", s.Description),
        ("metadata", s.Metadata),
        ("type", "realtime"),
        ("keywords", ""),
        ("group", s.Group),
    }).ToList());

    public static Open311Object Definition(Open311ServiceDefinition definition) => new()
    {
        ("service_code", definition.Code),
        ("attributes", new Open311List("attribute", definition.Attributes.Select(a => (object?)new Open311Object
        {
            ("variable", true),
            ("code", a.Code),
            ("datatype", a.Datatype),
            ("required", a.Required),
            ("datatype_description", a.DatatypeDescription),
            ("order", a.Order),
            ("description", a.Description),
            ("values", new Open311List("value", a.Values.Select(v => (object?)new Open311Object { ("key", v.Key), ("name", v.Name) }).ToList())),
        }).ToList())),
    };

    public static Open311List Requests(IEnumerable<Open311Request> requests) => new("request", requests.Select(r => (object?)new Open311Object
    {
        ("service_request_id", r.Id),
        ("status", r.Status),
        ("status_notes", r.StatusNotes),
        ("service_name", r.ServiceName),
        ("service_code", r.ServiceCode),
        ("description", r.Description),
        ("agency_responsible", r.AgencyResponsible),
        ("service_notice", null),
        ("requested_datetime", r.RequestedAt),
        ("updated_datetime", r.UpdatedAt),
        ("expected_datetime", r.ExpectedAt),
        ("address", r.Address),
        ("address_id", null),
        ("zipcode", null),
        ("lat", r.Latitude),
        ("long", r.Longitude),
        ("media_url", ""),
    }).ToList());

    public static Open311List Posted(PostedOpen311Request posted) => new("request",
    [
        new Open311Object
        {
            ("service_request_id", posted.ServiceRequestId),
            ("token", posted.Token),
            ("service_notice", posted.ServiceNotice),
            ("account_id", null),
        },
    ]);

    public static Open311List Token(Open311Token token) => new("request",
    [
        new Open311Object { ("service_request_id", token.ServiceRequestId), ("token", token.Token) },
    ]);
}
