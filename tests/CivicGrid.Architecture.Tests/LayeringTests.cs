using System.Reflection;
using NetArchTest.Rules;

namespace CivicGrid.Architecture.Tests;

public class LayeringTests
{
    private static readonly Assembly Core = typeof(Core.People.IdNumber).Assembly;
    private static readonly Assembly App = typeof(App.Data.CivicGridDbContext).Assembly;

    [Fact]
    public void TheCoreReferencesNothingButTheRuntime()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.True(name.StartsWith("System.", StringComparison.Ordinal), $"CivicGrid.Core references {name}"));
    }

    [Fact]
    public void TheCoreDoesNoInputOrOutput()
    {
        var result = Types.InAssembly(Core).ShouldNot()
            .HaveDependencyOnAny("System.IO", "System.Net", "System.Data", "Microsoft.EntityFrameworkCore", "System.Net.Http")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void TheAppLayerKnowsNoHostOrEngine()
    {
        var result = Types.InAssembly(App).ShouldNot()
            .HaveDependencyOnAny("CivicGrid.Web", "CivicGrid.Cli", "CivicGrid.Data.Sqlite", "CivicGrid.Data.Postgres", "Npgsql", "Microsoft.Data.Sqlite")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void UseCasesAreSealed()
    {
        var result = Types.InAssembly(App).That().HaveNameEndingWith("Handler").Should().BeSealed().GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void ModulesDoNotReachIntoEachOthersUseCases()
    {
        var result = Types.InAssembly(App).That().ResideInNamespace("CivicGrid.App.Territory")
            .ShouldNot().HaveDependencyOnAny("CivicGrid.App.Imports", "CivicGrid.App.Exports", "CivicGrid.App.Enterprises")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
