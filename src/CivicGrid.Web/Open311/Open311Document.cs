using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;

namespace CivicGrid.Web.Open311;

/// <summary>One element with named fields, in the specification's order: a &lt;service&gt;, a &lt;request&gt;, the &lt;discovery&gt;.</summary>
internal sealed class Open311Object : List<(string Name, object? Value)>;

/// <summary>A repeated element: an array in JSON, a wrapper of <see cref="ItemName"/> elements in XML.</summary>
internal sealed record Open311List(string ItemName, IEnumerable<object?> Items);

/// <summary>
/// Writes an Open311 document as XML or JSON from one shape, so the two formats cannot drift apart.
/// Values are strings, numbers, booleans, times (written with the district's +08:00 offset), nested objects and lists.
/// </summary>
internal static class Open311Document
{
    public const string Xml = "xml";
    public const string Json = "json";

    // Chinese text and the "+" of "+08:00" go out as themselves; the body is served as application/json with nosniff, never inside HTML.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };
    private static readonly XmlWriterSettings XmlSettings = new() { Encoding = new UTF8Encoding(false), Indent = false };

    public static bool IsFormat(string? format) => format is Xml or Json;

    /// <summary>An answer of the GeoReport interface as the OpenAPI document names it: a JSON or XML document.</summary>
    public static Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata Answers(int status) =>
        new ProducesResponseTypeMetadata(status, typeof(System.Text.Json.Nodes.JsonNode), ["application/json", "text/xml"]);

    public static IResult Write(string format, string root, object document, int status = StatusCodes.Status200OK) =>
        format == Json
            ? Results.Text(ToJson(document), "application/json; charset=utf-8", status)
            : Results.Text(ToXml(root, document), "text/xml; charset=utf-8", status);

    /// <summary>The specification's error body: one &lt;error&gt; with the status code for each problem.</summary>
    public static IResult Errors(string? format, int status, IEnumerable<string> descriptions) =>
        Write(format == Json ? Json : Xml, "errors", new Open311List("error", descriptions.Select(d => (object?)new Open311Object { ("code", status), ("description", d) }).ToList()), status);

    public static IResult Error(string? format, int status, string description) => Errors(format, status, [description]);

    public static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static byte[] ToXml(string root, object document)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, XmlSettings))
        {
            xml.WriteStartDocument();
            WriteXml(xml, root, document);
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void WriteXml(XmlWriter xml, string name, object? value)
    {
        xml.WriteStartElement(name);
        switch (value)
        {
            case Open311Object fields:
                foreach (var (field, inner) in fields)
                {
                    WriteXml(xml, field, inner);
                }
                break;
            case Open311List list:
                foreach (var item in list.Items)
                {
                    WriteXml(xml, list.ItemName, item);
                }
                break;
            case null:
                break;
            default:
                xml.WriteString(Scalar(value));
                break;
        }
        xml.WriteEndElement();
    }

    private static byte[] ToJson(object document)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            WriteJson(json, document);
        }
        return buffer.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case Open311Object fields:
                json.WriteStartObject();
                foreach (var (field, inner) in fields)
                {
                    json.WritePropertyName(field);
                    WriteJson(json, inner);
                }
                json.WriteEndObject();
                break;
            case Open311List list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJson(json, item);
                }
                json.WriteEndArray();
                break;
            case null:
                json.WriteNullValue();
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case double number:
                json.WriteNumberValue(number);
                break;
            default:
                json.WriteStringValue(Scalar(value));
                break;
        }
    }

    private static string Scalar(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        DateTimeOffset at => Time(at),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
