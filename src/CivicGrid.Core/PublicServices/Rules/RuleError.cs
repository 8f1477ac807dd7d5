namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>What is wrong in a rule's text, where: <paramref name="Start"/> and <paramref name="Length"/> index the source; the message is for staff, in Chinese.</summary>
public sealed record RuleError(int Start, int Length, string Message);
