namespace ArgMiner.Text;

/// <summary>The part of a document a paragraph or sentence belongs to.</summary>
public enum Section
{
    /// <summary>The document's title (the optional first line of a text file, or a record's <c>title</c>).</summary>
    Title,

    /// <summary>A short line without final punctuation inside the body.</summary>
    Heading,

    /// <summary>Ordinary article prose.</summary>
    Body,

    /// <summary>Publisher footer or disclaimer ("… is powered by …", "The views expressed …").</summary>
    Footer,

    /// <summary>A reader comment.</summary>
    Comment,
}

/// <summary>Invariant lower-case names used in every output file.</summary>
public static class SectionNames
{
    /// <summary>The name written to CSV and JSON for <paramref name="section"/>.</summary>
    public static string ToName(this Section section) => section switch
    {
        Section.Title => "title",
        Section.Heading => "heading",
        Section.Body => "body",
        Section.Footer => "footer",
        Section.Comment => "comment",
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };

    // The reverse of ToName, built from it so the two cannot drift apart.
    private static readonly Dictionary<string, Section> ByName =
        Enum.GetValues<Section>().ToDictionary(section => section.ToName(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The section named <paramref name="name"/> (as <see cref="ToName"/> writes it, any case, spaces trimmed), or null for any other name.</summary>
    public static Section? FromName(string? name) =>
        name is not null && ByName.TryGetValue(name.Trim(), out var section) ? section : null;
}
