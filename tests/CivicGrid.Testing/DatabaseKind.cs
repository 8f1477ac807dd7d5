using Xunit;

namespace CivicGrid.Testing;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>One labelled case per database for a theory: every integration test runs on both engines.</summary>
public sealed class BothDatabases : TheoryData<DatabaseKind>
{
    public BothDatabases()
    {
        Add(DatabaseKind.Sqlite);
        Add(DatabaseKind.Postgres);
    }
}
