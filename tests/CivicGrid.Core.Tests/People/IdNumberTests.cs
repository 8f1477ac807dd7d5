using CivicGrid.Core.People;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CivicGrid.Core.Tests.People;

public class IdNumberTests
{
    [Fact]
    public void TheStandardsExampleIsValidAndYieldsBirthDateAndGender()
    {
        var id = IdNumber.Parse("11010519491231002X");

        Assert.Equal(new DateOnly(1949, 12, 31), id.BirthDate);
        Assert.Equal(Gender.Female, id.Gender);
        Assert.Equal("002X", id.Last4);
    }

    [Theory]
    [InlineData("11010519491231002", "身份证号应为18位")]
    [InlineData("1101051949123100AX", "身份证号只能由数字组成，末位可为X")]
    [InlineData("110105194913310021", "身份证号中的出生日期无效")]
    [InlineData("110105194912310021", "身份证号校验位错误")]
    public void InvalidNumbersAreRefusedWithAReason(string text, string reason)
    {
        Assert.False(IdNumber.TryParse(text, out _, out var actual));
        Assert.Equal(reason, actual);
    }

    [Fact]
    public void LowerCaseXIsAccepted() => Assert.True(IdNumber.TryParse("11010519491231002x", out _, out _));

    [Property(MaxTest = 500)]
    public Property ComposedNumbersAreValidAndRoundTrip(int days, int sequence, bool male)
    {
        var birth = new DateOnly(1920, 1, 1).AddDays(Math.Abs(days % 38000));
        var gender = male ? Gender.Male : Gender.Female;
        var id = IdNumber.Parse(IdNumber.Compose("330105", birth, Math.Abs(sequence % 1000), gender));
        return (id.BirthDate == birth && id.Gender == gender).ToProperty();
    }

    [Property(MaxTest = 500)]
    public Property ChangingOneDigitBreaksTheCheck(int days, int position, int delta)
    {
        var valid = IdNumber.Compose("330105", new DateOnly(1950, 1, 1).AddDays(Math.Abs(days % 20000)), 123, Gender.Male);
        var i = Math.Abs(position % 17);
        var digit = (valid[i] - '0' + 1 + Math.Abs(delta % 9)) % 10;
        var changed = valid[..i] + (char)('0' + digit) + valid[(i + 1)..];
        return (!IdNumber.TryParse(changed, out _, out _)).ToProperty();
    }

    [Fact]
    public void ToStringNeverShowsTheWholeNumber() =>
        Assert.Equal("1101**********002X", IdNumber.Parse("11010519491231002X").ToString());
}
