using System.Runtime.CompilerServices;
using CivicGrid.App.Data;
using CivicGrid.App.Exports;

namespace CivicGrid.App.PublicServices.Targets;

/// <summary>Writes a target list's people (masked, as on screen) to .xlsx or CSV, page by page.</summary>
public sealed class ExportTargetPeopleHandler(ListTargetPeopleHandler people)
{
    private static readonly string[] Headers = ["居民编号", "姓名", "身份证号", "性别", "年龄", "网格", "状态", "时间"];

    public async Task<Outcome<bool>> HandleAsync(Stream output, ExportFormat format, ListTargetPeople query, CancellationToken ct)
    {
        var first = await people.HandleAsync(query with { PageNumber = 1, PageSize = 200 }, ct);
        if (first.Kind != OutcomeKind.Ok)
        {
            return new Outcome<bool>(first.Kind, false, first.Errors);
        }
        await ExportWriter.WriteAsync(output, format, Headers, RowsAsync(query, first.Value!, ct),
            p => [p.ResidentId, p.Name, p.IdNumber, p.Gender, p.Age, p.GridCode, p.Status, p.Since is { } at ? DistrictTime.ToDistrictTime(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : ""], ct);
        return Outcome<bool>.Ok(true);
    }

    private async IAsyncEnumerable<TargetPerson> RowsAsync(ListTargetPeople query, Page<TargetPerson> first, [EnumeratorCancellation] CancellationToken ct)
    {
        var page = first;
        while (true)
        {
            foreach (var person in page.Items)
            {
                yield return person;
            }
            if (page.PageNumber >= page.PageCount)
            {
                yield break;
            }
            page = (await people.HandleAsync(query with { PageNumber = page.PageNumber + 1, PageSize = 200 }, ct)).Value!;
        }
    }
}
