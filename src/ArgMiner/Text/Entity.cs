namespace ArgMiner.Text;

/// <summary>Where an entity came from.</summary>
public enum EntitySource
{
    /// <summary>Found by the trained entity recogniser.</summary>
    Model,

    /// <summary>Found, or corrected, by the user-editable gazetteer.</summary>
    Gazetteer,

    /// <summary>A DATE found by the numeric grammar's date rules ("early 2024", "since October 2023").</summary>
    Rules,
}

/// <summary>
/// A named entity or date: PERSON, ORG, LOC, NORP, DATE or EVENT. Offsets are UTF-16 indexes into the
/// document text, <c>[Start, End)</c>, on token boundaries inside one sentence.
/// </summary>
/// <param name="Start">First character.</param>
/// <param name="End">One past the last character.</param>
/// <param name="Type">PERSON, ORG, LOC, NORP, DATE or EVENT.</param>
/// <param name="Source">Model or gazetteer.</param>
/// <param name="Sentence">Index of its sentence in <c>Document.Sentences</c>.</param>
public readonly record struct Entity(int Start, int End, string Type, EntitySource Source, int Sentence);
