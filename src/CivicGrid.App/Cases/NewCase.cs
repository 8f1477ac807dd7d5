using CivicGrid.Core.Cases;

namespace CivicGrid.App.Cases;

/// <summary>A received case waiting in <see cref="CaseIntake"/>: the case, its first timeline entry, who sent it and from where.</summary>
public sealed class NewCase(Case @case, CaseEvent receipt, IReadOnlyList<string> attachments, string actor, string? clientAddress, DateTime auditedAt)
{
    private readonly TaskCompletionSource<int> _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Case Case => @case;
    public CaseEvent Receipt => receipt;
    public IReadOnlyList<string> Attachments => attachments;
    public string Actor => actor;
    public string? ClientAddress => clientAddress;
    /// <summary>The audit time, taken when the request was made.</summary>
    public DateTime AuditedAt => auditedAt;

    public Task<int> Stored => _stored.Task;

    internal void Commit() => _stored.TrySetResult(Case.Id);

    internal void Fail(Exception e) => _stored.TrySetException(e);
}
