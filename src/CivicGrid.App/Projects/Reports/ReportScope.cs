using CivicGrid.App.Reports;

namespace CivicGrid.App.Projects.Reports;

/// <summary>What a project report covers: the service group (or all the caller sees), how many projects and blockers, when it was made.</summary>
public sealed record ReportScope(string Group, int Projects, int Blockers, string GeneratedAt)
{
    public const string AllGroups = "全部服务组";

    public ReportLine Line => new("{0} · 项目 {1} 个 · 堵点 {2} 件 · 生成于 {3}", Group, Projects, Blockers, GeneratedAt);
}
