using ArgMiner.Numbers.Grammar;
using static ArgMiner.Tests.Numbers.Grammar.GrammarTestKit;

namespace ArgMiner.Tests.Numbers.Grammar;

public class SourceFinderTests
{
    [Theory]
    [InlineData("They launch over 100 attacks a year, according to UN reporting.", "UN reporting")]
    [InlineData("According to the U.S. Army's figures, 40 died.", "the U.S. Army's figures")]
    [InlineData("U.S. officials estimate that 1,500 fighters remain.", "U.S. officials")]
    [InlineData("In June 2025, Reuters reported that 40 fighters were killed.", "Reuters")]
    [InlineData("The agency said 40 deaths were counted.", "agency")]
    [InlineData("Officials said that health workers counted 40 deaths.", "Officials")]
    public void GivenAnAttribution_WhenTheSourceIsSought_ThenItIsTheNamedSubject(string sentence, string source)
    {
        Assert.Equal(source, SourceFinder.Find(View(sentence)));
    }

    [Theory]
    [InlineData("They said 40 fighters were killed.")]
    [InlineData("Attached find 12 changes to the agreement.")]
    [InlineData("About 40 fighters were killed.")]
    [InlineData("Many estimate that 40 fighters were killed.")]
    public void GivenNoNamedSubject_WhenTheSourceIsSought_ThenThereIsNone(string sentence)
    {
        Assert.Null(SourceFinder.Find(View(sentence)));
    }

    [Theory]
    [InlineData("They", true)]
    [InlineData("some", true)]
    [InlineData("Reuters", false)]
    public void GivenASubject_WhenAskedIfItIsAPronoun_ThenPronounsAndQuantifiersAre(string subject, bool pronoun)
    {
        Assert.Equal(pronoun, SourceFinder.IsPronoun(subject));
    }
}
