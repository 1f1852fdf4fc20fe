namespace ArgMiner.Output;

/// <summary>
/// Neutralises spreadsheet formula injection (OWASP "CSV Injection") in free-text cells, reversibly and
/// exactly. A cell that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return gets one
/// leading apostrophe, which spreadsheets show as text. So that <see cref="Restore"/> can tell the guard
/// from a text's own apostrophes, a text that begins with apostrophes followed by one of those characters
/// (<c>'=x</c>) gets one more apostrophe too (<c>''=x</c>); every other text is written as it is.
/// <see cref="Restore"/> removes exactly one apostrophe from exactly those cells, so
/// <c>Restore(Neutralise(t)) == t</c> for every text, and a cell the guard did not touch is never changed.
/// Ids and paths are guarded too (until session 32 they were not): a JSON Lines feed or a file name sets them, and
/// "=HYPERLINK(…)" as a document or comment id ran in a spreadsheet like any other formula. A guarded id differs
/// from documents.jsonl's by that one apostrophe; <see cref="Restore"/> gives the id back.
/// </summary>
public static class CsvSafety
{
    /// <summary>The cell as written.</summary>
    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // A lone "-" (standard input's source, a separator line) is no formula in any spreadsheet: left as it is.
        return value != "-" && StartsLikeFormula(value, 0) ? "'" + value : value;
    }

    /// <summary>Whether <see cref="Neutralise"/> changes <paramref name="value"/>.</summary>
    public static bool NeedsGuard(ReadOnlySpan<char> value) => !(value.Length == 1 && value[0] == '-') && StartsLikeFormula(value, 0);

    /// <summary>Undoes <see cref="Neutralise"/> when reading ArgMiner's own CSV back.</summary>
    public static string Restore(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 1 && value[0] == '\'' && StartsLikeFormula(value, 1) ? value[1..] : value;
    }

    /// <summary>Whether <c>value[from..]</c> is a run of apostrophes (possibly none) and then a formula character.</summary>
    private static bool StartsLikeFormula(ReadOnlySpan<char> value, int from)
    {
        var i = from;
        while (i < value.Length && value[i] == '\'')
        {
            i++;
        }

        return i < value.Length && value[i] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }
}
