using CivicGrid.App.Data;
using CivicGrid.App.Imports;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Imports;

public static class ImportsApi
{
    public static RouteGroupBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(Policies.ManagesPeople);
        api.MapPost("/{kind}", RunAsync).DisableAntiforgery();
        api.MapGet("/{kind}/columns", (ImportKind kind, IEnumerable<IImporter> importers) =>
            importers.FirstOrDefault(i => i.Kind == kind) is { } importer
                ? Results.Ok(importer.Columns.Select(c => new { c.Header, c.Required }))
                : Results.Problem("没有这种表格导入", statusCode: StatusCodes.Status404NotFound));
        return api;
    }

    /// <summary>Checks an uploaded file (commit=false) or imports it (commit=true); either way every error comes back with row, column and reason.</summary>
    private static async Task<IResult> RunAsync(ImportKind kind, IFormFile file, bool? commit, RunImportHandler handler, CancellationToken ct)
    {
        if (!TabularFile.IsSupported(file.FileName))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["只支持 .xlsx 和 .csv 文件"] }, title: "文件格式不支持");
        }
        Outcome<ImportReport> outcome;
        try
        {
            // The form's file is already on disk (the form reader spools large parts), and it is read from there row by row.
            await using var stream = file.OpenReadStream();
            using var data = TabularFile.Open(stream, file.FileName, ImportUploads.MaxRows);
            outcome = await handler.HandleAsync(new RunImport(kind, data, commit == true, file.FileName), null, ct);
        }
        catch (ImportFileException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [ex.Message] }, title: "文件无法读取");
        }
        if (outcome.Value is { HasErrors: true } report)
        {
            return TypedResults.UnprocessableEntity(report);
        }
        return outcome.ToHttp();
    }
}
