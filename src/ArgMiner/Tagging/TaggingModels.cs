using ArgMiner.Models;

namespace ArgMiner.Tagging;

/// <summary>
/// The shipped tagging models (<c>models/pos.model</c>, <c>models/ner.model</c>) and the default gazetteer,
/// read from the library's embedded resources, so they work from any directory with no download.
/// </summary>
public static class TaggingModels
{
    /// <summary>Resource name of the shipped POS model.</summary>
    public const string PosResource = "ArgMiner.Models.pos.model";

    /// <summary>Resource name of the shipped NER model.</summary>
    public const string NerResource = "ArgMiner.Models.ner.model";

    private static readonly Lazy<AveragedPerceptronTagger> Pos = new(() => LoadEmbedded(PosResource, AveragedPerceptronTagger.PosKind));
    private static readonly Lazy<AveragedPerceptronTagger> Ner = new(() => LoadEmbedded(NerResource, AveragedPerceptronTagger.NerKind));
    private static readonly Lazy<Gazetteer> DefaultGazetteerValue = new(Gazetteer.LoadDefault);

    /// <summary>The shipped POS model (read once, then shared: it is immutable).</summary>
    /// <exception cref="ModelFormatException">The resource is missing or corrupt.</exception>
    public static AveragedPerceptronTagger PosTagger => Pos.Value;

    /// <summary>The shipped NER model (read once, then shared: it is immutable).</summary>
    /// <exception cref="ModelFormatException">The resource is missing or corrupt.</exception>
    public static AveragedPerceptronTagger NerTagger => Ner.Value;

    /// <summary>The default gazetteer (read once, then shared: it is immutable).</summary>
    public static Gazetteer DefaultGazetteer => DefaultGazetteerValue.Value;

    /// <summary>A POS stage with the shipped model.</summary>
    public static PosTaggerStage CreatePosStage() => new(PosTagger);

    /// <summary>An entity stage with the shipped model and <paramref name="gazetteer"/> (default: the shipped one).</summary>
    public static EntityRecognizerStage CreateEntityStage(Gazetteer? gazetteer = null) =>
        new(new EntityRecognizer(NerTagger, gazetteer ?? DefaultGazetteer));

    private static AveragedPerceptronTagger LoadEmbedded(string resource, string kind)
    {
        using var stream = typeof(TaggingModels).Assembly.GetManifestResourceStream(resource)
            ?? throw new ModelFormatException(resource, "model file not found (not embedded in the library)");
        return AveragedPerceptronTagger.Read(stream, resource, kind);
    }
}
