using System.Reflection;
using CivicGrid.App.Data.Scopes;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace CivicGrid.Architecture.Tests;

/// <summary>
/// No use case reads outside the scope it names: the product's code reads past the jurisdiction filter only through
/// a read scope, and each scope is used only where its comment allows (docs/adr/0004).
/// </summary>
public class ReadScopeTests
{
    private static readonly Assembly App = typeof(App.Data.CivicGridDbContext).Assembly;
    private static readonly Assembly[] Product = [App, typeof(Web.Access.Policies).Assembly];

    // Read once for every scope's check: reading the assemblies was most of each check's time.
    private static readonly Types ProductTypes = Types.InAssemblies(Product);

    /// <summary>Who may use each scope, by namespace (or type); the data layer itself always may.</summary>
    public static TheoryData<string, string[]> Allowed => new()
    {
        { typeof(PublicGeographyScope).FullName!, ["CivicGrid.App"] },
        { typeof(OwnHouseholdScope).FullName!, ["CivicGrid.App.PublicServices.Enrolment", "CivicGrid.App.PublicServices.LifeEvents", "CivicGrid.App.Cases.UpcomingDeliberationDays", "CivicGrid.App.Activities", "CivicGrid.App.CashBenefits.GetResidentPaymentsHandler"] },
        { typeof(HouseholdOfScope).FullName!, ["CivicGrid.App.PublicServices.Rules", "CivicGrid.App.PublicServices.Enrolment", "CivicGrid.App.PublicServices.LifeEvents", "CivicGrid.App.PublicServices.Registration"] },
        { typeof(PublicCasesScope).FullName!, ["CivicGrid.App.Cases.PublicCases", "CivicGrid.App.Cases.SupportCase", "CivicGrid.App.Cases.UpcomingDeliberationDays", "CivicGrid.App.Open311", "CivicGrid.App.Community.CommunityDeliberation"] },
        { typeof(DistrictChecksScope).FullName!, ["CivicGrid.App.People", "CivicGrid.App.Accounts.SignUp", "CivicGrid.App.PublicServices.Registration", "CivicGrid.App.PublicServices.Facilities", "CivicGrid.App.PublicServices.Coverage", "CivicGrid.App.Enterprises.Contacts.RequestContactSignUpHandler", "CivicGrid.App.Projects.SaveProject", "CivicGrid.App.Projects.ProjectsInScope", "CivicGrid.App.Imports.ProjectImporter"] },
        { typeof(PublicActivitiesScope).FullName!, ["CivicGrid.App.Activities"] },
        { typeof(SessionWaitingListScope).FullName!, ["CivicGrid.App.Activities.CancelSignUpHandler"] },
        { typeof(NeedCasesScope).FullName!, ["CivicGrid.App.Enterprises.Needs.GetNeed"] },
        { typeof(NeedsWithBuildingScope).FullName!, ["CivicGrid.App.Enterprises.Dashboard.GetBusinessCommunityDashboard"] },
        { typeof(CaseFiguresScope).FullName!, ["CivicGrid.App.Hotspots.FindHotspots"] },
        { typeof(SystemWorkScope).FullName!, ["CivicGrid.App.Imports", "CivicGrid.App.Demo", "CivicGrid.App.Projects.Demo", "CivicGrid.App.Security", "CivicGrid.App.Accounts.SeedAccounts", "CivicGrid.App.PublicServices.Enrolment", "CivicGrid.App.PublicServices.LifeEvents", "CivicGrid.App.PublicServices.Offers"] },
    };

    [Theory, MemberData(nameof(Allowed))]
    public void EachScopeIsUsedOnlyWhereItsCommentAllows(string scope, string[] allowed)
    {
        var users = ProductTypes.That().HaveDependencyOn(scope)
            .And().DoNotResideInNamespace("CivicGrid.App.Data").GetTypes().Select(t => t.FullName!).ToList();
        Assert.NotEmpty(users);
        var outside = users.Where(user => !allowed.Any(a => user == a || user.StartsWith(a + ".", StringComparison.Ordinal) || user.StartsWith(a + "+", StringComparison.Ordinal)
            || user.StartsWith(a + "Handler", StringComparison.Ordinal))).ToList();
        Assert.True(outside.Count == 0, $"{scope} is read by {string.Join(", ", outside)}");
    }

    [Fact]
    public void TheDetectorSeesAUseInsideAnAsyncHandler()
    {
        var users = Types.InAssembly(App).That().HaveDependencyOn(typeof(OwnHouseholdScope).FullName!).GetTypes().Select(t => t.FullName!).ToList();
        Assert.Contains(users, u => u.StartsWith("CivicGrid.App.PublicServices.Enrolment.GetResidentServicesHandler", StringComparison.Ordinal));
    }

    [Fact]
    public void NothingOutsideTheDataLayerIgnoresTheQueryFilters()
    {
        var callers = new List<string>();
        foreach (var assembly in Product)
        {
            using var module = ModuleDefinition.ReadModule(assembly.Location);
            foreach (var type in module.GetTypes().Where(OutsideTheDataLayer))
            {
                callers.AddRange(type.Methods.Where(m => m.HasBody && m.Body.Instructions.Any(Ignores)).Select(m => $"{type.FullName}.{m.Name}"));
            }
        }
        Assert.True(callers.Count == 0, "IgnoreQueryFilters outside the data layer: " + string.Join(", ", callers));
    }

    [Fact]
    public void RawSqlTakesItsJurisdictionConditionFromTheAccessModel()
    {
        using var module = ModuleDefinition.ReadModule(App.Location);
        var writers = module.GetTypes().Where(OutsideTheDataLayer)
            .SelectMany(t => t.Methods.Where(m => m.HasBody && m.Body.Instructions.Any(i => i.Operand is string text && text.Contains("\"GridCode\" LIKE", StringComparison.Ordinal)))
                .Select(m => $"{t.FullName}.{m.Name}"))
            .ToList();
        Assert.True(writers.Count == 0, "raw SQL that writes its own jurisdiction condition: " + string.Join(", ", writers));
    }

    /// <summary>Nested types (lambdas, async state machines) have no namespace of their own: the outermost type's counts.</summary>
    private static bool OutsideTheDataLayer(TypeDefinition type) =>
        type.DeclaringType is { } outer ? OutsideTheDataLayer(outer) : !type.Namespace.StartsWith("CivicGrid.App.Data", StringComparison.Ordinal);

    private static bool Ignores(Instruction instruction) =>
        instruction.Operand is MethodReference { Name: "IgnoreQueryFilters" } method
        && method.DeclaringType.FullName == "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions";
}
