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
