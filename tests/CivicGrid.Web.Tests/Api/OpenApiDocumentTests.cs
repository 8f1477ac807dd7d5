using System.Text.Json;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Api;

/// <summary>
/// The OpenAPI document describes every answer: each operation its success body (or file, or no content) and the
/// problem details of each refusal it can give; enums travel by name. A client generated from it needs nothing else.
/// </summary>
public class OpenApiDocumentTests(OpenApiDocumentTests.Document document) : IClassFixture<OpenApiDocumentTests.Document>
{
    public sealed class Document : IAsyncLifetime
    {
        public JsonElement Root { get; private set; }

        public IEnumerable<(string Name, JsonElement Operation)> Operations() =>
            from path in Root.GetProperty("paths").EnumerateObject()
            from method in path.Value.EnumerateObject()
            where method.Name is "get" or "post" or "put" or "delete" or "patch"
            select ($"{method.Name.ToUpperInvariant()} {path.Name}", method.Value);

        public async Task InitializeAsync()
        {
            await using var site = await CivicGridFactory.StartAsync(DatabaseKind.Sqlite);
            using var client = site.CreateClient();
            Root = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    private static IEnumerable<(string Status, JsonElement Response)> Responses(JsonElement operation) =>
        operation.TryGetProperty("responses", out var responses) ? responses.EnumerateObject().Select(r => (r.Name, r.Value)) : [];

    private static bool HasBody(JsonElement response) =>
        response.TryGetProperty("content", out var content) && content.EnumerateObject().Any();

    [Fact]
    public void Every_operation_names_the_body_of_its_success()
    {
        var unnamed = document.Operations()
            .Where(o => !Responses(o.Operation).Any(r => r.Status == "204" || r.Status.StartsWith('2') && HasBody(r.Response) || r.Status.StartsWith('3')))
            .Select(o => o.Name).ToList();
        Assert.True(document.Operations().Count() > 100);
        Assert.True(unnamed.Count == 0, "Without a success body: " + string.Join(", ", unnamed));
    }

    [Fact]
    public void Every_refusal_is_described_with_problem_details()
    {
        var bare = document.Operations()
            // Open311 answers with its own error list; a 422 carries the checked file's report, row by row.
            .SelectMany(o => Responses(o.Operation).Where(r => r.Status.StartsWith('4') && r.Status != "422" && !o.Name.Contains("/open311/", StringComparison.Ordinal))
                .Where(r => !r.Response.TryGetProperty("content", out var c) || !c.TryGetProperty("application/problem+json", out _))
                .Select(r => $"{o.Name} {r.Status}"))
            .ToList();
        Assert.True(bare.Count == 0, "Refusals without problem details: " + string.Join(", ", bare));
    }

    [Fact]
    public void Operations_that_need_a_sign_in_or_take_input_name_those_refusals()
    {
        var missing = new List<string>();
        foreach (var (name, operation) in document.Operations().Where(o => o.Name.Contains(" /api/", StringComparison.Ordinal)))
        {
            var statuses = Responses(operation).Select(r => r.Status).ToHashSet();
            var takesInput = operation.TryGetProperty("parameters", out _) || operation.TryGetProperty("requestBody", out _);
            if (takesInput && !statuses.Contains("400") && !statuses.Contains("422"))
            {
                missing.Add($"{name} 400");
            }
        }
        Assert.True(missing.Count == 0, "Refusals not named: " + string.Join(", ", missing));
        // Sign-in refusals: the case list needs an account; the public case items do not.
        var cases = document.Operations().Single(o => o.Name == "GET /api/cases").Operation;
        Assert.Contains(Responses(cases), r => r.Status == "401");
        Assert.Contains(Responses(cases), r => r.Status == "403");
    }

    [Fact]
    public void Enums_travel_by_name()
    {
        var schemas = document.Root.GetProperty("components").GetProperty("schemas").EnumerateObject().ToList();
        var enums = schemas.Where(s => s.Value.TryGetProperty("enum", out _)).ToList();
        Assert.NotEmpty(enums);
        var numeric = enums.Where(s => s.Value.GetProperty("enum").EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String && v.ValueKind != JsonValueKind.Null))
            .Select(s => s.Name).ToList();
        Assert.True(numeric.Count == 0, "Enums by number: " + string.Join(", ", numeric));
        // Before, only an enum with its own converter was listed; the others went out as bare integers.
        Assert.True(enums.Count > 1, string.Join(", ", enums.Select(e => e.Name)));
    }
}
