using ArgMiner.Classification;

namespace ArgMiner.Tests.Text;

/// <summary>
/// The runtime library that <c>run</c> loads (ArgMiner.Core) carries no training, corpus-reading or evaluation
/// code: that lives in ArgMiner.Training, as Catalyst keeps Catalyst.Training apart.
/// </summary>
public sealed class RuntimeLibraryContentTests
{
    [Fact]
    public void GivenTheRuntimeLibrary_WhenItsTypesAreListed_ThenNoneTrainsReadsCorporaOrEvaluates()
    {
        var runtime = typeof(SentenceClassifier).Assembly;
        string[] banned = ["Trainer", "Evaluation", "Corpora", "Conllu", "LabelledData", "LabelOverlay", "LabelledWorkbook", "IbmDebater", "NewsSd", "UdSentences"];
        var offenders = runtime.GetTypes()
            .Where(t => t.Namespace?.StartsWith("ArgMiner", StringComparison.Ordinal) == true && !t.Name.StartsWith('<'))
            .Where(t => banned.Any(b => t.Name.Contains(b, StringComparison.Ordinal)) || t.Namespace == "ArgMiner.Evaluation")
            .Select(t => t.FullName)
            .ToList();
        Assert.Equal("ArgMiner.Core", runtime.GetName().Name);
        Assert.Empty(offenders);
    }
}
