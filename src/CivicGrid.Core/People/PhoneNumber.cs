namespace CivicGrid.Core.People;

/// <summary>A mainland mobile number (手机号): 11 digits starting with 1.</summary>
public static class PhoneNumber
{
    public static bool TryNormalise(string? text, out string phone, out string reason)
    {
        phone = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (phone.StartsWith("+86", StringComparison.Ordinal))
        {
            phone = phone[3..];
        }
        if (phone.Length != 11 || phone[0] != '1' || !phone.All(char.IsAsciiDigit))
        {
            reason = "手机号应为以1开头的11位数字";
            return false;
        }
        reason = "";
        return true;
    }
}
