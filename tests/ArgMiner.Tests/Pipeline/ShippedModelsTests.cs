using ArgMiner.Pipeline;

namespace ArgMiner.Tests.Pipeline;

public sealed class ShippedModelsTests
{
    [Fact]
    public void GivenTheShippedWordList_WhenAskedAboutWords_ThenFrequentWordsAreKnownAndFragmentsAreNot()
    {
        Assert.True(ShippedModels.IsEnglishWord("information"));
        Assert.True(ShippedModels.IsEnglishWord("important"));
        Assert.False(ShippedModels.IsEnglishWord("infor"));
        Assert.False(ShippedModels.IsEnglishWord("mation"));
        Assert.False(ShippedModels.IsEnglishWord("Information")); // the list is lower case, as the PDF reader asks
    }
}
