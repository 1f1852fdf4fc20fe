using System.Text;

namespace ArgMiner.Text;

/// <summary>Text with its runs of white space made one space: for keys and for text read out of markup.</summary>
public static class WhiteSpaceRuns
{
    /// <summary>
    /// <paramref name="text"/> with each run of white space (and, with <paramref name="controls"/>, of control
    /// characters) made one space, none at either end.
    /// </summary>
    public static string Collapse(string text, bool controls = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var collapsed = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || (controls && char.IsControl(c)))
            {
                space = collapsed.Length > 0;
                continue;
            }

            if (space)
            {
                collapsed.Append(' ');
                space = false;
            }

            collapsed.Append(c);
        }

        return collapsed.ToString();
    }
}
