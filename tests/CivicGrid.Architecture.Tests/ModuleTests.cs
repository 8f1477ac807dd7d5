using System.Reflection;
using NetArchTest.Rules;

namespace CivicGrid.Architecture.Tests;

/// <summary>Each top-level folder of the application layer is a module; the modules form no cycle and keep their internals.</summary>
public class ModuleTests
{
    private static readonly Assembly App = typeof(App.Data.CivicGridDbContext).Assembly;

    // Read once: every rule below starts from the same types, and reading the assembly was most of each check's time.
    private static readonly Types AppTypes = Types.InAssembly(App);

    private static readonly IReadOnlyList<string> Modules = App.GetTypes()
        .Select(t => t.Namespace)
        .Where(n => n is not null && n.StartsWith("CivicGrid.App.", StringComparison.Ordinal))
        .Select(n => n!.Split('.')[2])
        .Distinct().Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> EachModule => [.. Modules];

    [Fact]
    public void TheApplicationHasItsModules() =>
        Assert.Superset(new HashSet<string> { "Access", "Accounts", "Audit", "Cases", "Data", "People", "PublicServices", "Territory" }, Modules.ToHashSet());

    [Fact]
    public void TheGraphSeesDependenciesOneWay()
    {
        Assert.True(Depends("Cases", "Data"));
        Assert.True(Depends("Accounts", "Access"));
        Assert.False(Depends("Data", "Cases"));
    }

    [Fact]
    public void NoModuleIsInADependencyCycle()
    {
        var uses = Modules.ToDictionary(m => m, m => Modules.Where(other => other != m && Depends(m, other)).ToList());
        var cycles = StronglyConnected(uses).Where(c => c.Count > 1).Select(c => string.Join(" ↔ ", c.Order(StringComparer.Ordinal))).ToList();
        Assert.True(cycles.Count == 0, $"Modules in a dependency cycle: {string.Join("; ", cycles)}");
    }

    [Fact]
    public void TheDataLayerKnowsOnlyTheAccessModel()
    {
        var result = AppTypes.That().ResideInNamespaceMatching(Within("Data")).ShouldNot()
            .HaveDependencyOnAny(Modules.Where(m => m is not "Data" and not "Access").Select(m => $"CivicGrid.App.{m}").ToArray())
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [MemberData(nameof(EachModule))]
    public void NoModuleReachesIntoAnothersInternals(string module)
    {
        var ns = $"CivicGrid.App.{module}";
        var internals = App.GetTypes()
            .Where(t => t is { IsPublic: false, IsNested: false } && t.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal)))
            .Where(t => !t.Name.StartsWith('<'))
            .Select(t => t.FullName!).ToArray();
        if (internals.Length == 0)
        {
            return;
        }
        var result = AppTypes.That().ResideInNamespaceMatching(@"^CivicGrid\.App\.").And().DoNotResideInNamespaceMatching(Within(module))
            .ShouldNot().HaveDependencyOnAny(internals).GetResult();
        Assert.True(result.IsSuccessful, $"{string.Join(", ", result.FailingTypeNames ?? [])} use internals of {module}");
    }

    // Namespaces are matched by pattern: a prefix would take the root's DatabaseSetup for part of Data.
    private static bool Depends(string module, string other) =>
        AppTypes.That().ResideInNamespaceMatching(Within(module)).And().HaveDependencyOn($"CivicGrid.App.{other}").GetTypes().Any();

    private static string Within(string module) => $@"^CivicGrid\.App\.{module}(\.|$)";

    /// <summary>Tarjan's strongly connected components of the module graph.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, List<string>> uses)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in uses[v])
            {
                if (!index.TryGetValue(w, out var seen))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (stack.Contains(w))
                {
                    low[v] = Math.Min(low[v], seen);
                }
            }
            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    component.Add(w);
                }
                while (w != v);
                components.Add(component);
            }
        }
        foreach (var v in uses.Keys.Where(v => !index.ContainsKey(v)))
        {
            Visit(v);
        }
        return components;
    }
}
