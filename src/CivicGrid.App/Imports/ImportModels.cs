namespace CivicGrid.App.Imports;

/// <summary>What can be imported and exported.</summary>
public enum ImportKind
{
    Buildings,
    Households,
    Residents,
    Enterprises,
    /// <summary>Places and their boundaries, from GeoJSON rather than a spreadsheet.</summary>
    Territory,
    /// <summary>Staff accounts (工作人员账号), each new one with a one-time password.</summary>
    Staff,
    /// <summary>What the community and its partners can offer enterprises (社区所能), keyed by business community and name.</summary>
    Offers,
    /// <summary>Runners' office buildings to sweep (助跑员楼宇分配).</summary>
    RunnerAssignments,
    /// <summary>The portfolio of major projects (重大项目), keyed by project code, with their gates.</summary>
    Projects,
    /// <summary>A bank's return file of a cash benefit list (银行回盘): each line paid or failed with its reason.</summary>
    BankReturns,
}

/// <summary>One problem with the file: the spreadsheet row (the header is row 1), the column and the reason.</summary>
public sealed record ImportError(int Row, string Column, string Reason);

/// <summary>What an import found or did. Nothing is written when there are errors.</summary>
public sealed record ImportReport(
    ImportKind Kind, int Rows, int Inserted, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors, bool Committed)
{
    public bool HasErrors => Errors.Count > 0;

    /// <summary>The one-time passwords of the accounts a committed staff import opened: in this answer only, never stored or logged.</summary>
    public IReadOnlyList<IssuedPassword> Passwords { get; init; } = [];

    /// <summary>How many rows have at least one error; a row may have several.</summary>
    public int ErrorRows => Errors.Select(e => e.Row).Distinct().Count();
}

/// <summary>A column of an import file: the key the importer uses, the Chinese header and the other names it accepts.</summary>
public sealed record ImportColumn(string Key, string Header, bool Required, params string[] Aliases)
{
    public bool Matches(string header) =>
        string.Equals(header, Header, StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, Key, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => string.Equals(header, a, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A new account's one-time password as an import hands it to the importer, who passes it on; it must be changed at the first sign-in.</summary>
public sealed record IssuedPassword(string UserName, string DisplayName, string Password);
