using System.Net;
using System.Text.RegularExpressions;

namespace ArgMiner.Tests.Support;

/// <summary>Reads the hooks of report.html (as written, or as a browser's DOM dump) with plain patterns.</summary>
public static partial class ReportPage
{
    /// <summary>Every sentence element's label and text (its marks' tags removed, entities decoded), in page order.</summary>
    public static List<(string Label, string Text)> Sentences(string html) =>
        [.. SentencePattern().Matches(html).Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(TagPattern().Replace(m.Groups[2].Value, string.Empty))))];

    /// <summary>How many elements carry <paramref name="attribute"/>.</summary>
    public static int Count(string html, string attribute) => Regex.Matches(html, "<[a-z]+ [^>]*\\b" + Regex.Escape(attribute) + "=\"").Count;

    /// <summary>The values of <paramref name="attribute"/> on the elements that carry it.</summary>
    public static List<string> Values(string html, string attribute) =>
        [.. Regex.Matches(html, "<[a-z]+ [^>]*\\b" + Regex.Escape(attribute) + "=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    // A sentence span holds marks, never another span, so the first closing span ends it.
    [GeneratedRegex("<span class=\"s\" data-label=\"([a-z]+)\"[^>]*>(.*?)</span>", RegexOptions.Singleline)]
    private static partial Regex SentencePattern();

    [GeneratedRegex("</?mark[^>]*>")]
    private static partial Regex TagPattern();
}
