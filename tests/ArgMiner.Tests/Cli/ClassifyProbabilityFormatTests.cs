using System.Globalization;
using System.Text;
using ArgMiner.Cli.Commands;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Cli;

public class ClassifyProbabilityFormatTests
{
    private static string Standard(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static string ViaBuilder(double value)
    {
        var line = new StringBuilder();
        ArgMiner.Classification.LineClassification.AppendProbability(line, value);
        return line.ToString();
    }

    private static string ViaSpan(double value)
    {
        Span<char> buffer = stackalloc char[32];
        return buffer[..ArgMiner.Classification.LineClassification.FormatProbability(buffer, value)].ToString();
    }

    [Fact]
    public void GivenAnyProbabilityIn01_WhenAppended_ThenItEqualsTheStandardF4Text()
    {
        // Uniform doubles in [0, 1] from 53 random bits, plus values drawn near the four-decimal midpoints
        // (k + 0.5) / 10000, where a shortcut through value * 10000 could round the wrong way.
        var uniform = ArbMap.Default.GeneratorFor<ulong>().Select(bits => (bits >> 11) / (double)(1UL << 53));
        var nearMidpoint = Gen.Choose(0, 9999).Zip(Gen.Choose(-3, 3)).Select(t =>
        {
            var value = (t.Item1 + 0.5) / 10000;
            for (var i = 0; i < Math.Abs(t.Item2); i++)
            {
                value = t.Item2 > 0 ? Math.BitIncrement(value) : Math.BitDecrement(value);
            }

            return value;
        });
        var values = Gen.OneOf(uniform, nearMidpoint).ToArbitrary();

        Prop.ForAll(values, value => ViaBuilder(value) == Standard(value) && ViaSpan(value) == Standard(value))
            .QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.99995)]
    [InlineData(0.00005)]
    [InlineData(0.12345)]
    [InlineData(0.5)]
    [InlineData(0.99994999999999)]
    [InlineData(double.Epsilon)]
    public void GivenAnEdgeValueAndItsNeighbours_WhenAppended_ThenEachEqualsTheStandardF4Text(double value)
    {
        double[] cases =
        [
            value,
            Math.BitIncrement(value),
            Math.BitDecrement(value),
            Math.BitIncrement(Math.BitIncrement(value)),
            Math.BitDecrement(Math.BitDecrement(value)),
        ];
        foreach (var v in cases.Where(v => v is >= 0 and <= 1))
        {
            Assert.Equal(Standard(v), ViaBuilder(v));
            Assert.Equal(Standard(v), ViaSpan(v));
        }
    }

    [Fact]
    public void GivenEveryFourDecimalMidpoint_WhenAppended_ThenEachAndItsNeighboursEqualTheStandardF4Text()
    {
        for (var k = 0; k < 10000; k++)
        {
            var mid = (k + 0.5) / 10000;
            foreach (var v in new[] { mid, Math.BitIncrement(mid), Math.BitDecrement(mid), k / 10000.0 })
            {
                Assert.Equal(Standard(v), ViaBuilder(v));
            }
        }
    }
}
