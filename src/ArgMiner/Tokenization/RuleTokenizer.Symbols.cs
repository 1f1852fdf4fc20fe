using System.Globalization;
using System.Text;
using ArgMiner.Text;

namespace ArgMiner.Tokenization;

/// <summary>
/// The tokens <see cref="RuleTokenizer"/> keeps whole that are not words: URLs and e-mail addresses, file names'
/// extensions, web domains, emoticons and emoji (split from RuleTokenizer.cs to keep each file short).
/// </summary>
public sealed partial class RuleTokenizer
{
    // The end of a URL or e-mail address starting at p (trailing punctuation excluded), or -1.
    private static int UrlOrEmailEnd(string text, int p, int e)
    {
        var span = text.AsSpan(p, e - p);
        var isUrl = span.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || span.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || span.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase)
            || span.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || (span.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && span.Length > 4);
        var end = e;
        var hasParen = span.Contains('(');
        while (end > p)
        {
            var c = text[end - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '"' or '\'' or ']' or '}' or '>' or '\u201D' or '\u2019' or '\u00BB' || (c == ')' && !hasParen))
            {
                end--;
            }
            else
            {
                break;
            }
        }

        if (isUrl)
        {
            return end > p + 4 ? end : -1;
        }

        // local@domain with plain characters only ("a.b@c.com", Enron's "Warner@ENRON", masked "jo...@x.ca").
        var at = -1;
        var letterAfterAt = false;
        for (var k = p; k < end; k++)
        {
            var c = text[k];
            if (c == '@')
            {
                if (at >= 0)
                {
                    return -1;
                }

                at = k;
            }
            else if (c < 128 && (Ascii[c] & Letter) != 0)
            {
                letterAfterAt |= at >= 0;
            }
            else if (!(c < 128 && ((Ascii[c] & WordChar) != 0 || c is '-' or '+' or '%' or '\'' or '.')))
            {
                return -1;
            }
        }

        if (at <= p || !letterAfterAt || text[p] == '.')
        {
            return -1;
        }

        // A dot right before "@" only in Google Groups' masked addresses ("julie...@bellsouth.net").
        return text[at - 1] != '.' || (at > p + 3 && text[at - 2] == '.') ? end : -1;
    }

    private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "doc", "docx", "pdf", "xls", "xlsx", "ppt", "pptx", "txt", "htm", "html", "jpg", "jpeg", "gif", "png", "zip", "exe", "csv", "rtf", "wav", "mp3",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ExtensionLookup = FileExtensions.GetAlternateLookup<ReadOnlySpan<char>>();

    // The length of a file extension starting at j (after a dot) that ends the word, or 0.
    private static int FileExtensionLength(string text, int j, int e)
    {
        var k = j;
        while (k < e && k - j <= 4 && text[k] < 128 && (Ascii[text[k]] & Letter) != 0)
        {
            k++;
        }

        return k - j is >= 3 and <= 4 && (k == e || !IsWordCharAt(text, k, e, out _)) && ExtensionLookup.Contains(text.AsSpan(j, k - j)) ? k - j : 0;
    }

    // ":)", ":-)", ";)", ":(", ":D", ":P", "<3", "^_^" when not followed by a letter or digit.
    private static int EmoticonLength(string text, int i, int e)
    {
        var c = text[i];
        int len;
        if (c is ':' or ';' or '=')
        {
            var j = i + 1;
            if (j < e && text[j] is '-' or '\'')
            {
                j++;
            }

            if (j >= e || text[j] is not (')' or '(' or 'D' or 'P' or 'p' or '/' or '|' or 'O' or 'o' or ']' or '[' or '*' or '3' or '@' or 'S' or 's' or '$'))
            {
                return 0;
            }

            // ":/" is usually part of a URL-like thing and "=(" an equation; keep the clear cases.
            if (c == '=' && text[j] is not (')' or '(' or 'D' or 'P'))
            {
                return 0;
            }

            len = j + 1 - i;
        }
        else if (c == '<' && i + 1 < e && text[i + 1] == '3')
        {
            len = 2;
        }
        else if (c == '^' && i + 1 < e && text[i + 1] == '^')
        {
            len = 2; // "^^"
        }
        else if (c == '^' && i + 2 < e && text[i + 1] is '_' or '-' or '.' && text[i + 2] == '^')
        {
            len = 3; // "^_^", "^-^", "^.^"
        }
        else
        {
            return 0;
        }

        var after = i + len;
        if (after < e && IsWordCharAt(text, after, e, out _))
        {
            return 0;
        }

        // "(see below:)" is rare; a closing bracket right before is a better sign of a parenthesis.
        return len;
    }

    private static readonly HashSet<string> TopLevelDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "co", "uk", "us", "ca", "de", "fr", "au", "io", "tv",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DomainLookup = TopLevelDomains.GetAlternateLookup<ReadOnlySpan<char>>();

    // "Newsfeed.Com": the letters after the dot are a top-level domain and end the word.
    private static bool IsDomainEnd(string text, int j, int e)
    {
        var k = j;
        while (k < e && k - j <= 4 && text[k] < 128 && (Ascii[text[k]] & Letter) != 0)
        {
            k++;
        }

        return k - j is >= 2 and <= 4 && (k == e || !IsWordCharAt(text, k, e, out _)) && DomainLookup.Contains(text.AsSpan(j, k - j));
    }

    private static bool IsEmojiBase(int cp) =>
        cp is (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF) or (>= 0x2300 and <= 0x23FF)
            or (>= 0x2B00 and <= 0x2BFF) or 0x3030 or 0x303D or 0x3297 or 0x3299 or 0x203C or 0x2049
            or 0x2122 or 0x2139 or 0x00A9 or 0x00AE or (>= 0x2190 and <= 0x21FF);

    // One emoji with its modifiers: variation selectors, skin tones, keycap, tags, ZWJ sequences and
    // regional-indicator pairs (flags).
    private static int ScanEmoji(string text, int i, int e, List<Token> tokens)
    {
        var first = Rune.GetRuneAt(text, i);
        var j = i + first.Utf16SequenceLength;
        var regional = first.Value is >= 0x1F1E6 and <= 0x1F1FF;
        while (j < e)
        {
            if (!Rune.TryGetRuneAt(text, j, out var r))
            {
                break;
            }

            var v = r.Value;
            if (v is 0xFE0E or 0xFE0F or 0x20E3 or (>= 0x1F3FB and <= 0x1F3FF) or (>= 0xE0020 and <= 0xE007F)
                || Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            {
                j += r.Utf16SequenceLength;
            }
            else if (v == 0x200D && j + 1 < e && Rune.TryGetRuneAt(text, j + 1, out var joined) && IsEmojiBase(joined.Value))
            {
                j += 1 + joined.Utf16SequenceLength;
            }
            else if (regional && v is >= 0x1F1E6 and <= 0x1F1FF)
            {
                j += r.Utf16SequenceLength;
                regional = false;
            }
            else
            {
                break;
            }
        }

        tokens.Add(new Token(i, j));
        return j;
    }
}
