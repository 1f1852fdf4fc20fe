namespace ArgMiner.Classification.Evaluation;

/// <summary>
/// NewsSD-ENG (news sentences labelled SUBJ / OBJ): its columns and the standard mapping to ArgMiner labels
/// (SUBJ = claim or opinion, OBJ = evidence or other). <see cref="LabelledData"/> recognises its header, so
/// <c>--data .../newssd-eng/val.csv</c> needs no column options.
/// </summary>
public static class NewsSd
{
    /// <summary>The sentence column.</summary>
    public const string TextColumn = "Sentence";

    /// <summary>The label column.</summary>
    public const string LabelColumn = "Label";

    /// <summary>SUBJ=claim|opinion, OBJ=evidence|other.</summary>
    public static LabelMap DefaultMap { get; } = LabelMap.Parse(["SUBJ=claim|opinion", "OBJ=evidence|other"]);

    /// <summary>Whether a CSV header is NewsSD's (Sentence, Label, Solved conflict).</summary>
    public static bool IsNewsSdHeader(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Any(h => h.Trim() == TextColumn) && header.Any(h => h.Trim() == LabelColumn);
    }
}
