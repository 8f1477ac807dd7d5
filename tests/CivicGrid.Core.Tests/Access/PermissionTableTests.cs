using CivicGrid.Core.Access;

namespace CivicGrid.Core.Tests.Access;

public class PermissionTableTests
{
    private static readonly StaffRole[] Territorial = [StaffRole.GridWorker, StaffRole.CommunityStaff, StaffRole.StreetOfficial, StaffRole.DistrictAdmin];

    [Fact]
    public void EveryRoleHasARowAndEveryPermissionARole()
    {
        Assert.All(Enum.GetValues<StaffRole>(), role => Assert.NotEmpty(PermissionTable.Of(role)));
        Assert.All(Enum.GetValues<Permission>(), p => Assert.Contains(Enum.GetValues<StaffRole>(), role => role.May(p)));
    }

    [Theory]
    [InlineData(Permission.ManagePeople, new[] { StaffRole.GridWorker, StaffRole.CommunityStaff, StaffRole.StreetOfficial, StaffRole.DistrictAdmin })]
    [InlineData(Permission.RevealPersonalData, new[] { StaffRole.GridWorker, StaffRole.CommunityStaff, StaffRole.StreetOfficial, StaffRole.DistrictAdmin })]
    [InlineData(Permission.AdministerJurisdiction, new[] { StaffRole.CommunityStaff, StaffRole.StreetOfficial, StaffRole.DistrictAdmin })]
    [InlineData(Permission.AdministerDistrict, new[] { StaffRole.DistrictAdmin })]
    [InlineData(Permission.ActForOwnHousehold, new[] { StaffRole.Resident })]
    [InlineData(Permission.UseStaffPages, new[] { StaffRole.GridWorker, StaffRole.CommunityStaff, StaffRole.StreetOfficial, StaffRole.DistrictAdmin, StaffRole.DepartmentHandler, StaffRole.CivicSupervisor, StaffRole.BusinessCommunityStaff, StaffRole.Runner, StaffRole.ProjectCadre, StaffRole.ProjectOffice })]
    [InlineData(Permission.SeeCasesOfJurisdiction, new[] { StaffRole.GridWorker, StaffRole.CommunityStaff, StaffRole.StreetOfficial, StaffRole.DistrictAdmin, StaffRole.CivicSupervisor })]
    [InlineData(Permission.SeeIndicators, new[] { StaffRole.GridWorker, StaffRole.CommunityStaff, StaffRole.StreetOfficial, StaffRole.DistrictAdmin, StaffRole.CivicSupervisor })]
    [InlineData(Permission.HandleDepartmentCases, new[] { StaffRole.DepartmentHandler })]
    [InlineData(Permission.EvaluateCases, new[] { StaffRole.CivicSupervisor })]
    [InlineData(Permission.WritePublicNote, new[] { StaffRole.GridWorker, StaffRole.CommunityStaff, StaffRole.StreetOfficial, StaffRole.DistrictAdmin, StaffRole.DepartmentHandler })]
    [InlineData(Permission.ActForOwnEnterprise, new[] { StaffRole.EnterpriseContact })]
    [InlineData(Permission.SeeEnterprises, new[] { StaffRole.GridWorker, StaffRole.CommunityStaff, StaffRole.StreetOfficial, StaffRole.DistrictAdmin, StaffRole.BusinessCommunityStaff, StaffRole.Runner })]
    [InlineData(Permission.KeepEnterpriseLists, new[] { StaffRole.StreetOfficial, StaffRole.DistrictAdmin, StaffRole.BusinessCommunityStaff })]
    [InlineData(Permission.ImportFiles, new[] { StaffRole.GridWorker, StaffRole.CommunityStaff, StaffRole.StreetOfficial, StaffRole.DistrictAdmin, StaffRole.BusinessCommunityStaff, StaffRole.ProjectOffice })]
    [InlineData(Permission.KeepProjectPortfolio, new[] { StaffRole.DistrictAdmin, StaffRole.ProjectOffice })]
    [InlineData(Permission.FollowProjects, new[] { StaffRole.ProjectCadre })]
    [InlineData(Permission.SeeProjects, new[] { StaffRole.StreetOfficial, StaffRole.DistrictAdmin, StaffRole.CivicSupervisor, StaffRole.ProjectCadre, StaffRole.ProjectOffice })]
    [InlineData(Permission.SweepBuildings, new[] { StaffRole.BusinessCommunityStaff, StaffRole.Runner })]
    [InlineData(Permission.PayCashBenefits, new[] { StaffRole.StreetOfficial, StaffRole.DistrictAdmin })]
    [InlineData(Permission.ApproveCashBenefits, new[] { StaffRole.DistrictAdmin })]
    [InlineData(Permission.OpenProactiveTasks, new[] { StaffRole.GridWorker, StaffRole.CommunityStaff, StaffRole.StreetOfficial, StaffRole.DistrictAdmin })]
    public void EachPermissionBelongsToExactlyTheseRoles(Permission permission, StaffRole[] roles) =>
        Assert.Equal(roles.Order(), Enum.GetValues<StaffRole>().Where(r => r.May(permission)).Order());

    [Fact]
    public void TheRolePredicatesReadTheTable()
    {
        Assert.Equal(Territorial, Enum.GetValues<StaffRole>().Where(r => r.ManagesPeople()));
        Assert.Equal(Territorial, Enum.GetValues<StaffRole>().Where(r => r.MayRevealPersonalData()));
        Assert.Equal(Territorial.Skip(1), Enum.GetValues<StaffRole>().Where(r => r.MayAdminister()));
    }

    [Fact]
    public void AResidentCannotUseTheStaffPagesAndNoStaffRoleActsForAHousehold()
    {
        Assert.False(StaffRole.Resident.May(Permission.UseStaffPages));
        Assert.False(StaffRole.EnterpriseContact.May(Permission.UseStaffPages));
        Assert.All(Enum.GetValues<StaffRole>().Where(r => r != StaffRole.Resident), r => Assert.False(r.May(Permission.ActForOwnHousehold)));
    }
}
