namespace ArgMiner.Text;

/// <summary>
/// The quotation markers that e-mail and newsgroup replies put at the start of a line ("&gt; ", "&gt;&gt; ", "&gt; &gt; "):
/// markup, not words. A marker is a run of <c>&gt;</c> followed by white space or the line's end, so "&gt;From" and
/// "&gt;100,000" are words.
/// </summary>
public static class QuoteMarkers
{
    /// <summary>
    /// Where the text after the markers that open <c>text[start..end)</c> begins (past the white space after the last
    /// marker), with how many markers there are (<paramref name="depth"/>); <paramref name="start"/> and 0 when none.
    /// </summary>
    public static int Skip(string text, int start, int end, out int depth)
    {
        ArgumentNullException.ThrowIfNull(text);
        depth = 0;
        var after = start;
        var i = start;
        while (i < end && text[i] == '>')
        {
            var j = i;
            while (j < end && text[j] == '>')
            {
                j++;
            }

            if (j < end && text[j] is not (' ' or '\t' or '\n' or '\r'))
            {
                break;
            }

            depth += j - i;
            while (j < end && text[j] is ' ' or '\t')
            {
                j++;
            }

            after = i = j;
        }

        return after;
    }
}
