using CivicGrid.Core.Enterprises;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CivicGrid.Core.Tests.Enterprises;

public class CreditCodeTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110108551385082Q")]
    public void PublishedCodesAreValid(string code) => Assert.True(CreditCode.IsValid(code), code);

    [Theory]
    [InlineData("91350100M000100Y4", "统一社会信用代码应为18位")]
    [InlineData("91350100M000100Y4I", "统一社会信用代码含有不允许的字符（不使用I、O、Z、S、V）")]
    [InlineData("9135A100M000100Y43", "统一社会信用代码第3至8位应为行政区划码")]
    [InlineData("91350100M000100Y44", "统一社会信用代码校验位错误")]
    public void InvalidCodesAreRefusedWithAReason(string code, string reason)
    {
        Assert.False(CreditCode.TryNormalise(code, out _, out var actual));
        Assert.Equal(reason, actual);
    }

    [Property(MaxTest = 500)]
    public Property ComposedCodesAreValid(int[] seed)
    {
        var body = string.Concat(Enumerable.Range(0, 8).Select(i => Alphabet[Math.Abs(seed.ElementAtOrDefault(i) % Alphabet.Length)]));
        return CreditCode.IsValid(CreditCode.Compose('9', '1', "330105", body)).ToProperty();
    }

    [Property(MaxTest = 500)]
    public Property ReplacingTheCheckCharacterInvalidates(int[] seed, int other)
    {
        var body = string.Concat(Enumerable.Range(0, 8).Select(i => Alphabet[Math.Abs(seed.ElementAtOrDefault(i) % Alphabet.Length)]));
        var code = CreditCode.Compose('9', '1', "330105", body);
        var replacement = Alphabet[Math.Abs(other % Alphabet.Length)];
        return (replacement == code[17] || !CreditCode.IsValid(code[..17] + replacement)).ToProperty();
    }
}
