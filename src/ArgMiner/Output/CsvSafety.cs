namespace ArgMiner.Output;

/// <summary>
/// Neutralises spreadsheet formula injection (OWASP "CSV Injection"): a text cell that begins with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return is prefixed with an apostrophe, which
/// spreadsheets show as text. Only text cells are touched; numeric cells are written as numbers.
/// </summary>
public static class CsvSafety
{
    /// <summary>The cell as written.</summary>
    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    /// <summary>Undoes <see cref="Neutralise"/> when reading ArgMiner's own CSV back.</summary>
    public static string Restore(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
    }
}
