using CivicGrid.App.Data;
using CivicGrid.App.Imports;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Imports;

public static class ImportsApi
{
    public static RouteGroupBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(Policies.Imports);
        api.MapPost("/{kind}", RunAsync).DisableAntiforgery();
        api.MapGet("/{kind}/columns", Results<Ok<ImportColumn[]>, NotFoundProblem> (ImportKind kind, IEnumerable<IImporter> importers) =>
            importers.FirstOrDefault(i => i.Kind == kind) is { } importer
                ? TypedResults.Ok(importer.Columns.Select(c => new ImportColumn(c.Header, c.Required)).ToArray())
                : new NotFoundProblem());
        return api;
    }

    /// <summary>Checks an uploaded file (commit=false) or imports it (commit=true); either way every error comes back with row, column and reason.</summary>
    private static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ValidationProblem, NotFoundProblem, ForbiddenProblem>> RunAsync(ImportKind kind, IFormFile file, bool? commit, RunImportHandler handler, CancellationToken ct)
    {
        if (!TabularFile.IsSupported(file.FileName))
        {
            return OutcomeResults.Invalid("file", "只支持 .xlsx 和 .csv 文件", "文件格式不支持");
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
            return OutcomeResults.Invalid("file", ex.Message, "文件无法读取");
        }
        return outcome.ToHttpReport(r => r.HasErrors);
    }
}

/// <summary>A column of an import template: its header and whether every row must fill it.</summary>
public sealed record ImportColumn(string Header, bool Required);
