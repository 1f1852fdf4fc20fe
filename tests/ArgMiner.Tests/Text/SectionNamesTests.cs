using ArgMiner.Text;

namespace ArgMiner.Tests.Text;

public sealed class SectionNamesTests
{
    [Fact]
    public void GivenEverySection_WhenItsNameIsReadBack_ThenTheSameSectionComesOut()
    {
        foreach (var section in Enum.GetValues<Section>())
        {
            Assert.Equal(section, SectionNames.FromName(section.ToName()));
            Assert.Equal(section, SectionNames.FromName($"  {section.ToName().ToUpperInvariant()} "));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("thread")]
    public void GivenANameNoSectionHas_WhenRead_ThenThereIsNoSection(string? name) => Assert.Null(SectionNames.FromName(name));
}
