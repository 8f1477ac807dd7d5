using CivicGrid.App.Data.Replica;
using CivicGrid.App.Enterprises;
using CivicGrid.App.People;
using CivicGrid.App.Security;
using CivicGrid.App.Territory;

namespace CivicGrid.App.Exports;

/// <summary>
/// The lists a user may export: the same query, filters and masking as on screen, run on the reporting reads (the
/// replica when there is one).
/// </summary>
public sealed class ExportListsHandler(ReportingReads reads, PersonalDataProtector protector)
{
    private static readonly string[] BuildingHeaders = ["楼栋编号", "楼栋名称", "地址", "商务楼宇", "户数", "纬度", "经度"];
    private static readonly string[] HouseholdHeaders = ["户编号", "地址", "房号", "人数", "户主"];
    private static readonly string[] ResidentHeaders = ["姓名", "身份证号", "性别", "年龄", "生命周期", "居住类型", "手机号", "地址", "网格编码", "标签"];
    private static readonly string[] EnterpriseHeaders = ["企业名称", "统一社会信用代码", "行业", "员工人数", "重点税源", "楼栋", "楼层", "办公地址", "注册地址", "网格编码"];

    public async Task ResidentsAsync(Stream output, ExportFormat format, SearchResidents query, CancellationToken ct) =>
        await ExportWriter.WriteAsync(output, format, ResidentHeaders, new SearchResidentsHandler(await reads.DbAsync(ct), protector).StreamAsync(query, ct),
            r => [r.Name, r.IdNumber, r.Gender, r.Age, r.LifeStage, r.ResidenceType, r.Phone, r.Address, r.GridCode, r.Tags], ct);

    public async Task BuildingsAsync(Stream output, ExportFormat format, string gridCode, CancellationToken ct) =>
        await ExportWriter.WriteAsync(output, format, BuildingHeaders, (await (await GridsAsync(ct)).HandleAsync(new ListBuildings(gridCode), ct)).ToAsyncEnumerable(),
            b => [b.Code, b.Name, b.Address, b.IsOffice, b.Households, b.Latitude, b.Longitude], ct);

    public async Task HouseholdsAsync(Stream output, ExportFormat format, int buildingId, CancellationToken ct) =>
        await ExportWriter.WriteAsync(output, format, HouseholdHeaders, (await (await GridsAsync(ct)).HandleAsync(new ListHouseholds(buildingId), ct)).ToAsyncEnumerable(),
            h => [h.Code, h.Address, h.Room, h.Members, h.Head], ct);

    public async Task EnterprisesAsync(Stream output, ExportFormat format, SearchEnterprises query, CancellationToken ct) =>
        await ExportWriter.WriteAsync(output, format, EnterpriseHeaders, new SearchEnterprisesHandler(await reads.DbAsync(ct)).StreamAsync(query),
            e => [e.Name, e.CreditCode, e.Industry, e.EmployeeCount, e.IsKeyTaxSource, e.Building, e.Floor, e.OfficeAddress, e.RegisteredAddress, e.GridCode], ct);

    private async Task<ListGridContentsHandler> GridsAsync(CancellationToken ct) => new(await reads.DbAsync(ct));
}
