using System.Globalization;
using System.Text;
using CivicGrid.Core.People;

namespace CivicGrid.Fault.Tests;

/// <summary>
/// A resident import file of new people (valid ID numbers from an address code the demo never uses) joining the
/// district's existing households in turn, and how many it adds to each household.
/// </summary>
internal sealed record ResidentFile(byte[] Csv, int Rows, IReadOnlyDictionary<string, int> AddedPerHousehold)
{
    private const string Header = "姓名,身份证号,手机号,居住类型,迁入日期,户编号,与户主关系,标签";
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇"];

    public static ResidentFile For(IReadOnlyList<string> householdCodes, int rows)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        var added = householdCodes.ToDictionary(code => code, _ => 0);
        for (var i = 0; i < rows; i++)
        {
            var household = householdCodes[i % householdCodes.Count];
            added[household]++;
            text.Append(CultureInfo.InvariantCulture,
                $"{Surnames[i % Surnames.Length]}{GivenNames[i / Surnames.Length % GivenNames.Length]},{IdNumberOf(i)},139{i:D8},流动,2024-03-01,{household},其他,\r\n");
        }
        return new ResidentFile(Encoding.UTF8.GetBytes(text.ToString()), rows, added);
    }

    /// <summary>A thousand sequence numbers a day from 1 January 1950, the parity of each giving the gender as the standard wants.</summary>
    private static string IdNumberOf(int i) =>
        IdNumber.Compose("110101", new DateOnly(1950, 1, 1).AddDays(i / 1000), i % 1000, i % 2 == 1 ? Gender.Male : Gender.Female);
}
