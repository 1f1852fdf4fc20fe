using ArgMiner.Classification;

namespace ArgMiner.Output;

/// <summary>
/// How each sentence label is shown in every output that shows colour (the workbook's label cells and chart,
/// the HTML report): one colour per label from the Okabe–Ito palette, which readers with the common forms of
/// colour blindness tell apart, and a two-letter mark, so a label never depends on colour alone.
/// </summary>
public static class LabelPalette
{
    /// <summary>The style of each label, in <see cref="SentenceLabels.All"/> order.</summary>
    public static IReadOnlyList<LabelStyle> All { get; } =
    [
        new("claim", "CL", "E69F00", "F8DDA0"),
        new("evidence", "EV", "0072B2", "B3D4EA"),
        new("opinion", "OP", "CC79A7", "F0D2E3"),
        new("other", "OT", "999999", "E4E4E4"),
    ];

    /// <summary>The style of <paramref name="label"/>, or null for an unknown label.</summary>
    public static LabelStyle? Of(string? label)
    {
        foreach (var style in All)
        {
            if (string.Equals(style.Label, label, StringComparison.Ordinal))
            {
                return style;
            }
        }

        return null;
    }
}

/// <summary>The look of one label.</summary>
/// <param name="Label">The label.</param>
/// <param name="Mark">Two letters shown beside it, so the label is readable without colour.</param>
/// <param name="Colour">The strong colour (RGB hex, no '#'): chart bars, borders.</param>
/// <param name="Tint">The light colour (RGB hex): cell and text backgrounds, dark text stays readable on it.</param>
public sealed record LabelStyle(string Label, string Mark, string Colour, string Tint);
