using ArgMiner.Pipeline;
using ArgMiner.Tagging;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Tagging;

/// <summary>
/// The shipped entity model on web text it was never trained on (exact span and type, PERSON/ORG/LOC,
/// with the default gazetteer, as the README reports): floors at the target (UNER) or just under the
/// measured figures (session 25: BTC 0.716, WNUT-17 0.389), so a change that loses ground fails. Reported
/// Skipped without ../shared.
/// </summary>
public sealed class WebEntityEvaluationTests
{
    private const string Uner = "uner-english-ewt/en_ewt-ud-dev.iob2";
    private const string Btc = "btc/btc.test.conll";
    private const string Wnut = "wnut17/emerging.test.annotated";

    private static double F1(List<TaggedSentence> sentences)
    {
        var recognizer = new EntityRecognizer(ShippedModels.NerTagger, ShippedModels.Gazetteer);
        var types = new HashSet<string>(StringComparer.Ordinal) { "PERSON", "ORG", "LOC" };
        return TaggerEvaluation.Entities(sentences, recognizer.Recognize, types)[^1].F1;
    }

    [SharedCorpusFact(Uner)]
    public void GivenUnerEwtDev_WhenTagged_ThenEntityF1IsAtLeast065() =>
        Assert.InRange(F1(TaggingCorpora.ReadIob2(SharedCorpus.Get(Uner))), 0.65, 1.0);

    [SharedCorpusFact(Btc)]
    public void GivenBtcTest_WhenTagged_ThenEntityF1IsAtLeast071() =>
        Assert.InRange(F1(TaggingCorpora.ReadConll(SharedCorpus.Get(Btc))), 0.71, 1.0);

    [SharedCorpusFact(Wnut)]
    public void GivenWnut17Test_WhenTagged_ThenEntityF1IsAtLeast0385() =>
        Assert.InRange(F1(TaggingCorpora.ReadConll(SharedCorpus.Get(Wnut))), 0.385, 1.0);
}
