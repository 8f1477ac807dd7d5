using CivicGrid.Core.People;

namespace CivicGrid.Core.Tests.People;

public class PersonalDataMaskTests
{
    [Fact]
    public void IdNumbersKeepTheFirstAndLastFour() => Assert.Equal("3301**********1234", PersonalDataMask.IdNumber("330105199001011234"));

    [Fact]
    public void PhonesKeepTheFirstThreeAndLastFour() => Assert.Equal("138****5678", PersonalDataMask.Phone("13812345678"));

    [Fact]
    public void ShortValuesAreMaskedEntirely() => Assert.Equal("****", PersonalDataMask.IdNumber("1234"));

    [Theory]
    [InlineData("138 1234 5678", true)]
    [InlineData("+8613812345678", true)]
    [InlineData("23812345678", false)]
    [InlineData("1381234567", false)]
    public void PhonesAreNormalised(string text, bool valid)
    {
        Assert.Equal(valid, PhoneNumber.TryNormalise(text, out var phone, out _));
        if (valid)
        {
            Assert.Equal("13812345678", phone);
        }
    }
}

public class PersonalDataInTextTests
{
    [Theory]
    [InlineData("请联系13812345678王先生", "请联系138****5678王先生")]
    [InlineData("电话 138-1234-5678 或 +86 139 1234 5678", "电话 138****5678 或 139****5678")]
    [InlineData("身份证330105199001011234，旧证330105900101123", "身份证3301**********1234，旧证3301*******1123")]
    [InlineData("身份证33010519900101123X", "身份证3301**********123X")]
    [InlineData("12号楼3单元502室，2026年11月23日", "12号楼3单元502室，2026年11月23日")]
    [InlineData("订单号123456789012345678901", "订单号123456789012345678901")]
    [InlineData("", "")]
    public void NumbersOfPeopleInFreeTextAreMaskedAndOtherNumbersAreNot(string text, string shown) =>
        Assert.Equal(shown, PersonalDataMask.InText(text));
}
