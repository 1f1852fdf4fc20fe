using System.Collections.Frozen;
using ArgMiner.Classification;
using ArgMiner.Models;
using ArgMiner.Tagging;

namespace ArgMiner.Pipeline;

/// <summary>
/// The models that ship inside the library (embedded at build time from <c>models/</c> and
/// <c>corpus/gazetteer.tsv</c>), loaded here and only here: the composition root's catalogue, so no stage and no
/// model type knows which files ship or reads them itself. Each is read once, on first use, then shared: they are
/// immutable. Nothing is downloaded at run time.
/// </summary>
public static class ShippedModels
{
    /// <summary>Resource name of the shipped POS model (<c>models/pos.model</c>).</summary>
    public const string PosResource = "ArgMiner.Models.pos.model";

    /// <summary>Resource name of the shipped entity model (<c>models/ner.model</c>).</summary>
    public const string NerResource = "ArgMiner.Models.ner.model";

    /// <summary>Resource name of the shipped sentence classifier (<c>models/sentence-classifier.model</c>).</summary>
    public const string ClassifierResource = "ArgMiner.Models.sentence-classifier.model";

    /// <summary>Resource name of the shipped word vectors (<c>models/word-vectors.model</c>).</summary>
    public const string WordVectorsResource = "ArgMiner.Models.word-vectors.model";

    /// <summary>Resource name of the default gazetteer (<c>corpus/gazetteer.tsv</c>).</summary>
    public const string GazetteerResource = "ArgMiner.Corpus.gazetteer.tsv";

    private static readonly Lazy<AveragedPerceptronTagger> Pos = new(() => ReadTagger(PosResource, AveragedPerceptronTagger.PosKind));
    private static readonly Lazy<AveragedPerceptronTagger> Ner = new(() => ReadTagger(NerResource, AveragedPerceptronTagger.NerKind));
    private static readonly Lazy<Gazetteer> GazetteerValue = new(ReadGazetteer);
    private static readonly Lazy<SentenceClassifier> Classifier = new(ReadClassifier);
    private static readonly Lazy<WordVectors?> Vectors = new(ReadWordVectors);
    private static readonly Lazy<FrozenSet<string>> Words = new(ReadWords);

    /// <summary>The shipped POS model.</summary>
    /// <exception cref="ModelFormatException">The resource is missing or corrupt.</exception>
    public static AveragedPerceptronTagger PosTagger => Pos.Value;

    /// <summary>The shipped entity model.</summary>
    /// <exception cref="ModelFormatException">The resource is missing or corrupt.</exception>
    public static AveragedPerceptronTagger NerTagger => Ner.Value;

    /// <summary>The default gazetteer.</summary>
    /// <exception cref="GazetteerFormatException">The resource is missing or has a bad line.</exception>
    public static Gazetteer Gazetteer => GazetteerValue.Value;

    /// <summary>The shipped sentence classifier.</summary>
    /// <exception cref="ModelFormatException">This build ships none, or it is unreadable.</exception>
    public static SentenceClassifier SentenceClassifier => Classifier.Value;

    /// <summary>The shipped word-vector table, or null when this build has none.</summary>
    /// <exception cref="ModelFormatException">The resource is corrupt.</exception>
    public static WordVectors? WordVectors => Vectors.Value;

    /// <summary>
    /// Whether a lower-case word is one of the 30,000 frequent English words of the shipped word vectors (GloVe's own
    /// list; words of letters only), as the PDF reader asks for a word broken at a line end ("infor-" / "mation"). The
    /// list is read the first time it is asked, so runs without PDFs never load it; false for every word when this build
    /// ships no vectors.
    /// </summary>
    public static bool IsEnglishWord(string word) => Words.Value.Contains(word);

    /// <summary>A POS stage with the shipped model.</summary>
    public static PosTaggerStage CreatePosStage() => new(PosTagger);

    /// <summary>An entity stage with the shipped model and <paramref name="gazetteer"/> (default: the shipped one).</summary>
    public static EntityRecognizerStage CreateEntityStage(Gazetteer? gazetteer = null) =>
        new(new EntityRecognizer(NerTagger, gazetteer ?? Gazetteer));

    private static Stream? Open(string resource) => typeof(ShippedModels).Assembly.GetManifestResourceStream(resource);

    private static AveragedPerceptronTagger ReadTagger(string resource, string kind)
    {
        using var stream = Open(resource) ?? throw new ModelFormatException(resource, "model file not found (not embedded in the library)");
        return AveragedPerceptronTagger.Read(stream, resource, kind);
    }

    private static Gazetteer ReadGazetteer()
    {
        using var stream = Open(GazetteerResource) ?? throw new GazetteerFormatException(GazetteerResource, 0, "embedded gazetteer missing from the library");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return Gazetteer.Parse(reader, "corpus/gazetteer.tsv");
    }

    private static SentenceClassifier ReadClassifier()
    {
        using var stream = Open(ClassifierResource)
            ?? throw new ModelFormatException(ClassifierResource, "this build ships no sentence classifier (models/sentence-classifier.model was missing at build time); train one with 'argminer train' and pass it with --model");
        return SentenceClassifier.Read(stream, ClassifierResource);
    }

    private static FrozenSet<string> ReadWords() =>
        (WordVectors?.Words ?? []).Where(w => w.Length > 0 && w.All(char.IsAsciiLetterLower)).ToFrozenSet(StringComparer.Ordinal);

    private static WordVectors? ReadWordVectors()
    {
        using var stream = Open(WordVectorsResource);
        return stream is null ? null : WordVectors.Read(stream, WordVectorsResource);
    }
}
