namespace CivicGrid.Core.CashBenefits;

/// <summary>
/// A resident's bank account for cash benefits (代发账户): the number encrypted like ID numbers, a masked form for every
/// page, the full number only in the bank file of those who may export it.
/// </summary>
public sealed class PayeeAccount
{
    public int ResidentId { get; set; }
    public required string GridCode { get; set; }
    public required string BankName { get; set; }
    public required byte[] AccountCipher { get; set; }
    public required string AccountMasked { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }

    public const int MaxBankNameLength = 50;

    /// <summary>"6222 **** **** 1234": the first four and last four digits.</summary>
    public static string Mask(string account) =>
        account.Length <= 8 ? new string('*', account.Length) : $"{account[..4]} **** **** {account[^4..]}";

    /// <summary>Digits only, 12 to 30 of them (bank card and passbook numbers).</summary>
    public static string? Refusal(string? account) =>
        account is null || account.Length is < 12 or > 30 || !account.All(char.IsAsciiDigit)
            ? "银行账号应为 12 到 30 位数字" : null;
}
