using System.Globalization;
using System.Text;
using ArgMiner.Text;

namespace ArgMiner.Tokenization;

/// <summary>
/// Rule-based, non-destructive tokenizer following the Universal Dependencies English (EWT) conventions:
/// punctuation is split off; clitics are split ("don't" → "do" "n't", "Iraq’s" → "Iraq" "’s",
/// "cannot" → "can" "not", "gonna" → "gon" "na"); hyphenated compounds are split into their parts and
/// the hyphen, except after the common prefixes EWT keeps whole ("e-mail", "non-human", "mid-July") and
/// in phone numbers; abbreviations and initialisms keep their dot ("U.S.", "e.g.", "Mr."); numbers keep
/// their thousands separators and decimals ("1,500,000", "1.5"); currency symbols, "%" and units after
/// a number ("£3m" → "£" "3" "m") stand alone; URLs, e-mail addresses, @handles, #hashtags, emoticons
/// and emoji (with skin tones, ZWJ sequences, flags, variation selectors) stay whole. A surrogate pair
/// is never split and combining marks stay with their base character.
/// </summary>
/// <remarks>
/// This is the hand-written equivalent of the rule tokenizers of spaCy/Stanza/Catalyst for English. It
/// works on white-space-delimited chunks and scans each once, with bounded look-ahead, so it runs in
/// linear time on any input (a megabyte without spaces, of digits, hyphens or dots). It allocates
/// nothing per token: it appends <see cref="Token"/> structs to the caller's list.
/// </remarks>
public sealed partial class RuleTokenizer : ITokenizer
{
    // ASCII character classes.
    private const byte Letter = 1;
    private const byte Digit = 2;
    private const byte Upper = 4;
    private const byte Lower = 8;
    private const byte Space = 16;
    private const byte WordChar = 32; // letter, digit or '_'

    private static readonly byte[] Ascii = BuildAsciiTable();

    // Abbreviations that keep their final dot (case-sensitive, without the dot). Single letters with dots
    // ("U.S.", "e.g.", "a.m.") and single capitals ("M.") are recognised by pattern instead.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Reps", "Gov", "Lt", "Col", "Capt", "Maj",
        "Sgt", "Cpl", "Adm", "Cmdr", "Pres", "Rev", "Hon", "Fr", "Jr", "Sr", "St", "Mt", "Ft", "Sec",
        "Spec", "Supt", "Insp", "Messrs", "Mme", "Mssrs",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "Inc", "Ltd", "Co", "Corp", "Bros", "Dept", "Univ", "Assn", "Assoc", "Ave", "Blvd", "Rd",
        "Hwy", "Pl", "Sq", "Ct", "Ln", "Pkwy", "Attn", "Ph.D", "PhD", "Esq", "Vol", "vol", "Fig", "fig",
        "No", "Nos", "no", "Nr", "pp", "cf", "Cf", "vs", "Vs", "etc", "Etc", "al", "approx", "Approx",
        "esp", "Esp", "eg", "ie", "viz", "ca", "est", "dept", "yrs", "mins", "hrs", "secs", "oz", "lb",
        "lbs", "ft", "sq", "mo", "ext", "Ext", "tel", "Tel", "Mob", "incl", "Ariz", "Calif", "Colo",
        "Conn", "Fla", "Ill", "Ind", "Kan", "Mass", "Mich", "Minn", "Miss", "Nev", "Okla", "Ore", "Penn",
        "Tenn", "Tex", "Va", "Wash", "Wis", "Wyo", "La", "Ala", "Ark", "Del", "Ky", "Md", "Mo", "Neb",
        "ect", "Sts", "Drs", "PS", "LTD", "PVT", "INC", "CORP", "Pvt", "Gov't", "Mssr",
    };

    // Abbreviations that only keep their dot before a number ("No. 5", "pp. 3"); otherwise "No." is a word.
    private static readonly HashSet<string> NumberAbbreviations = new(StringComparer.Ordinal) { "No", "Nos", "no", "Nr", "pp", "Vol", "vol", "Fig", "fig" };

    // Prefixes EWT keeps attached to the following word ("e-mail", "non-human", "re-read").
    private static readonly HashSet<string> HyphenPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "e", "non", "mid", "pre", "post", "anti", "re", "co", "pro", "multi", "ex", "sub", "semi", "neo",
        "cross", "counter", "intra", "micro", "macro", "mega", "mini", "un", "socio", "psycho", "ultra",
        "pseudo", "quasi", "bi", "tri", "over", "vice", "mis",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PrefixLookup = HyphenPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <inheritdoc/>
    public void Tokenize(string text, int start, int end, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        if ((uint)start > (uint)text.Length || end < start || end > text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(end));
        }

        var i = start;
        // The range's start and every line break open a line, where a reply's quotation markers ("> ") are markup, not
        // tokens: a quoted paragraph wrapped over several lines reads as its words alone (QuoteMarkers).
        var lineStart = true;
        while (i < end)
        {
            var c = text[i];
            if (c < 128 ? (Ascii[c] & Space) != 0 : char.IsWhiteSpace(c))
            {
                lineStart |= c is '\n' or '\r';
                i++;
                continue;
            }

            if (lineStart && c == '>')
            {
                var after = QuoteMarkers.Skip(text, i, end, out var depth);
                if (depth > 0)
                {
                    i = after;
                    lineStart = false;
                    continue;
                }
            }

            lineStart = false;

            // A chunk: a maximal run without white space. Simple words take a fast path.
            var chunkStart = i;
            var simple = true;
            while (i < end)
            {
                c = text[i];
                if (c < 128)
                {
                    var k = Ascii[c];
                    if ((k & Space) != 0)
                    {
                        break;
                    }

                    simple &= (k & Letter) != 0;
                }
                else
                {
                    if (char.IsWhiteSpace(c))
                    {
                        break;
                    }

                    simple = false;
                }

                i++;
            }

            if (simple && !NeedsWordSplit(text, chunkStart, i))
            {
                tokens.Add(new Token(chunkStart, i));
            }
            else
            {
                TokenizeChunk(text, chunkStart, i, end, tokens);
            }
        }
    }

    private static byte[] BuildAsciiTable()
    {
        var t = new byte[128];
        for (var c = 0; c < 128; c++)
        {
            byte k = 0;
            if (c is >= 'a' and <= 'z')
            {
                k = Letter | Lower | WordChar;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                k = Letter | Upper | WordChar;
            }
            else if (c is >= '0' and <= '9')
            {
                k = Digit | WordChar;
            }
            else if (c == '_')
            {
                k = WordChar;
            }
            else if (char.IsWhiteSpace((char)c))
            {
                k = Space;
            }

            t[c] = k;
        }

        return t;
    }

    // An all-ASCII-letter chunk needs the slow path only for "cannot", "gonna", "dont"…
    private static bool NeedsWordSplit(string text, int s, int e) =>
        e - s is >= 2 and <= 7 && (SpecialSplit(text.AsSpan(s, e - s)).First > 0 || text.AsSpan(s, e - s).Equals("its", StringComparison.OrdinalIgnoreCase));

    // Words EWT splits although they have no apostrophe (multiword tokens): where their parts start.
    private static readonly Dictionary<string, (int First, int Second)> SpecialSplits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cannot"] = (3, 0),
        ["gonna"] = (3, 0),
        ["wanna"] = (3, 0),
        ["gotta"] = (3, 0),
        ["outta"] = (3, 0),
        ["dunno"] = (2, 1),
        ["dont"] = (2, 0),
        ["doesnt"] = (4, 0),
        ["didnt"] = (3, 0),
        ["isnt"] = (2, 0),
        ["wasnt"] = (3, 0),
        ["werent"] = (4, 0),
        ["arent"] = (3, 0),
        ["cant"] = (2, 0),
        ["couldnt"] = (5, 0),
        ["wouldnt"] = (5, 0),
        ["shouldnt"] = (6, 0),
        ["havent"] = (4, 0),
        ["hasnt"] = (3, 0),
        ["hadnt"] = (3, 0),
        ["wont"] = (2, 0),
        ["aint"] = (2, 0),
        ["im"] = (1, 0),
        ["ive"] = (1, 0),
        ["thats"] = (4, 0),
        ["whats"] = (4, 0),
        ["theres"] = (5, 0),
        ["youre"] = (3, 0),
        ["theyre"] = (4, 0),
        ["hes"] = (2, 0),
        ["Lets"] = (3, 0),
    };

    private static readonly Dictionary<string, (int First, int Second)>.AlternateLookup<ReadOnlySpan<char>> SpecialSplitLookup = SpecialSplits.GetAlternateLookup<ReadOnlySpan<char>>();

    // Where "cannot", "gonna", "dont"… split (EWT multiword tokens without an apostrophe), or (0, 0).
    private static (int First, int Second) SpecialSplit(ReadOnlySpan<char> w)
    {
        if (w.Length > 7 || !SpecialSplitLookup.TryGetValue(w, out var key, out var split))
        {
            return (0, 0);
        }

        // "Lets" at the start of a sentence is "Let's"; "lets" is usually the verb.
        return key == "Lets" && w[0] != 'L' ? (0, 0) : split;
    }

    private static void TokenizeChunk(string text, int s, int e, int rangeEnd, List<Token> tokens)
    {
        var i = s;

        // URLs and e-mail addresses: checked once per chunk, after any opening brackets or quotes.
        var p = s;
        while (p < e && IsOpening(text[p]))
        {
            p++;
        }

        var urlEnd = UrlOrEmailEnd(text, p, e);
        if (urlEnd < 0 && p < e)
        {
            // An address in angle brackets inside the chunk: "Julie"<julie...@bellsouth.net>.
            var lt = text.IndexOf('<', p + 1, e - p - 1);
            if (lt > 0)
            {
                var gt = text.IndexOf('>', lt, e - lt);
                var addressEnd = gt < 0 ? e : gt;
                if (addressEnd > lt + 1 && UrlOrEmailEnd(text, lt + 1, addressEnd) == addressEnd)
                {
                    while (i <= lt)
                    {
                        i = ScanToken(text, i, lt + 1, rangeEnd, tokens);
                    }

                    tokens.Add(new Token(lt + 1, addressEnd));
                    i = addressEnd;
                }
            }
        }
        if (urlEnd > p)
        {
            while (i < p)
            {
                i = ScanPunctuation(text, i, p, tokens);
            }

            tokens.Add(new Token(p, urlEnd));
            i = urlEnd;
        }

        while (i < e)
        {
            i = ScanToken(text, i, e, rangeEnd, tokens);
        }
    }

    private static bool IsOpening(char c) => c is '(' or '[' or '{' or '<' or '"' or '\'' or '\u201C' or '\u2018' or '\u00AB';

    // Scans one token (or a word with its clitic) starting at i; returns the position after it.
    private static int ScanToken(string text, int i, int e, int rangeEnd, List<Token> tokens)
    {
        var c = text[i];
        if (c < 128)
        {
            var k = Ascii[c];
            if ((k & WordChar) != 0)
            {
                return ScanWord(text, i, e, rangeEnd, tokens);
            }

            if ((c == '#' || c == '@') && i + 1 < e && text[i + 1] < 128 && (Ascii[text[i + 1]] & Letter) != 0)
            {
                // #hashtag, @handle, or the "@domain.com" of an address written apart.
                var j = i + 1;
                while (j < e)
                {
                    if (IsWordCharAt(text, j, e, out var w))
                    {
                        j += w;
                    }
                    else if (c == '@' && text[j] is '.' or '-' && j + 1 < e && text[j + 1] < 128 && (Ascii[text[j + 1]] & WordChar) != 0)
                    {
                        j++;
                    }
                    else
                    {
                        break;
                    }
                }

                tokens.Add(new Token(i, j));
                return j;
            }

            if (c == '.' && i + 1 < e && IsDigitAscii(text[i + 1]) && (i == 0 || !(char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '.' or ',')))
            {
                // ".250": a decimal without its zero is one token (a lone point would end the sentence).
                var first = tokens.Count;
                var after = ScanWord(text, i + 1, e, rangeEnd, tokens);
                tokens[first] = new Token(i, tokens[first].End);
                return after;
            }

            var emoticon = EmoticonLength(text, i, e);
            if (emoticon > 0)
            {
                tokens.Add(new Token(i, i + emoticon));
                return i + emoticon;
            }

            return ScanPunctuation(text, i, e, tokens);
        }

        if (IsWordCharAt(text, i, e, out _))
        {
            return ScanWord(text, i, e, rangeEnd, tokens);
        }

        if (char.IsHighSurrogate(c) && i + 1 < e && char.IsLowSurrogate(text[i + 1]))
        {
            var cp = char.ConvertToUtf32(c, text[i + 1]);
            if (IsEmojiBase(cp))
            {
                return ScanEmoji(text, i, e, tokens);
            }

            return AddWithMarks(text, i, i + 2, e, tokens);
        }

        if (IsEmojiBase(c) && c != '\u00A9' && c != '\u00AE')
        {
            return ScanEmoji(text, i, e, tokens);
        }

        return ScanPunctuation(text, i, e, tokens);
    }

    // Punctuation and symbols: runs of sentence-final marks ("...", "?!", "…."), runs of the same ASCII
    // symbol ("--", "**", "!!!") and "''" are one token; anything else is one character (plus its marks).
    private static int ScanPunctuation(string text, int i, int e, List<Token> tokens)
    {
        var c = text[i];
        var j = i + 1;
        var extension = c == '.' ? FileExtensionLength(text, j, e) : 0;
        if (extension > 0)
        {
            // ".doc" after a name or a bracket: EWT keeps a file extension whole.
            j += extension;
        }
        else if (IsFinalMark(c))
        {
            // "?!", "...", and "！？", "。。。": a run of final marks (the Chinese and Japanese ones too) is one token.
            while (j < e && IsFinalMark(text[j]))
            {
                j++;
            }
        }
        else if (c is '-' or '*' or '=' or '_' or '~' or '#' or '<' or '>' or '\'' or '`' or '+' or '^' or '|' or '/' or '\\' or ':' or ';' or ',' or '&' or '@' or '$' or '%')
        {
            while (j < e && text[j] == c)
            {
                j++;
            }
        }
        else if (char.IsHighSurrogate(c) && j < e && char.IsLowSurrogate(text[j]))
        {
            j++;
        }

        return AddWithMarks(text, i, j, e, tokens);
    }

    // Adds [i, j) extended over any combining marks that follow (they belong to the base character).
    private static int AddWithMarks(string text, int i, int j, int e, List<Token> tokens)
    {
        while (j < e && text[j] >= 0x300 && IsMark(text, j, e, out var w))
        {
            j += w;
        }

        tokens.Add(new Token(i, j));
        return j;
    }

    private static bool IsMark(string text, int j, int e, out int width)
    {
        var c = text[j];
        if (char.IsHighSurrogate(c) && j + 1 < e && char.IsLowSurrogate(text[j + 1]))
        {
            width = 2;
            var cat = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[j + 1]));
            return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
        }

        width = 1;
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            || c == '\u200D';
    }

    private static bool IsWordCharAt(string text, int j, int e, out int width)
    {
        var c = text[j];
        width = 1;
        if (c < 128)
        {
            return (Ascii[c] & WordChar) != 0;
        }

        if (char.IsHighSurrogate(c))
        {
            if (j + 1 < e && char.IsLowSurrogate(text[j + 1]))
            {
                width = 2;
                var cp = char.ConvertToUtf32(c, text[j + 1]);
                return !IsEmojiBase(cp) && IsWordCategory(CharUnicodeInfo.GetUnicodeCategory(cp));
            }

            return false;
        }

        if (char.IsLowSurrogate(c))
        {
            return false;
        }

        return IsWordCategory(CharUnicodeInfo.GetUnicodeCategory(c)) && c != '\u2019' && c != '\u02BC';
    }

    private static bool IsWordCategory(UnicodeCategory cat) => cat is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        or UnicodeCategory.ConnectorPunctuation;

    private static bool IsLetterAt(string text, int j, int e)
    {
        var c = text[j];
        if (c < 128)
        {
            return (Ascii[c] & Letter) != 0;
        }

        if (char.IsHighSurrogate(c))
        {
            return j + 1 < e && char.IsLowSurrogate(text[j + 1]) && Rune.IsLetter(new Rune(c, text[j + 1]));
        }

        return char.IsLetter(c);
    }

    private static bool IsDigitAscii(char c) => c is >= '0' and <= '9';

    // A sentence's final mark: ".", "!", "?", "…", and the Chinese and Japanese "。", "｡", "！", "？".
    private static bool IsFinalMark(char c) => c is '.' or '!' or '?' or '\u2026' or '\u3002' or '\uFF61' or '\uFF01' or '\uFF1F';

    /// <summary>
    /// The sign of a number's exponent ("1e-5", "4.9E+3"): the word before this segment is a number, the segment is
    /// digits and one "e", and a digit follows. Without it "4.9e-324" fell apart into "4.9e" "-" "324" and the numbers
    /// stage counted 324. Only the current segment is scanned, so a word costs linear time however many signs it holds.
    /// </summary>
    private static bool IsExponentSign(string text, int segStart, int j, char next)
    {
        if (!IsDigitAscii(next) || j - segStart < 2 || text[j - 1] is not ('e' or 'E'))
        {
            return false;
        }

        for (var k = segStart; k < j - 1; k++)
        {
            if (!IsDigitAscii(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUpperAt(string text, int j) => text[j] < 128 ? (Ascii[text[j]] & Upper) != 0 : char.IsUpper(text[j]);

    // A word: letters, digits, marks and '_', with internal dots ("U.S", "1.5", "Amazon.com"), thousands
    // separators, times and dates ("2,500", "10:30", "11/28/2000"), apostrophes ("don't", "O'Brien"),
    // "&" in initialisms ("AT&T"), kept prefixes ("e-mail") and phone numbers ("713-853-3989").
    private static int ScanWord(string text, int i, int e, int rangeEnd, List<Token> tokens)
    {
        var j = i;
        var segStart = i; // start of the current alphanumeric segment (after the last connector)
        var numeric = IsDigitAscii(text[i]); // the word so far is a number (digits and separators)
        var segmentNumeric = numeric; // the word before the current segment is a number
        var lastApostrophe = -1;
        while (j < e)
        {
            if (IsWordCharAt(text, j, e, out var w))
            {
                var c = text[j];
                if (numeric && !IsDigitAscii(c))
                {
                    if (c < 128 && (Ascii[c] & Letter) != 0)
                    {
                        // "3m", "9am", "5km" split into number and unit; "2nd", "1990s", "3G" stay whole.
                        if (IsUnitAfterNumber(text, j, e))
                        {
                            break;
                        }

                        numeric = false;
                        continue;
                    }

                    numeric = false;
                }

                j += w;
                continue;
            }

            var d = text[j];
            if (j + 1 >= e || j == segStart)
            {
                break;
            }

            var next = text[j + 1];
            var prev = text[j - 1];
            var keep = false;
            switch (d)
            {
                case '.':
                    if (IsDigitAscii(prev) && IsDigitAscii(next))
                    {
                        keep = true;
                    }
                    else if (IsWordCharAt(text, j + 1, e, out _))
                    {
                        // "there.In" is a missing space; "Amazon.com", "U.S.A" and "v.2" are one word.
                        var segLen = j - segStart;
                        keep = !numeric && (!(IsUpperAt(text, j + 1) && segLen >= 2 && HasLower(text, segStart, j)) || IsDomainEnd(text, j + 1, e));
                    }

                    break;
                case ',':
                    // Thousands: exactly three digits follow.
                    keep = numeric && IsDigitAscii(prev) && ThreeDigitsThenEnd(text, j + 1, e);
                    break;
                case ':':
                    keep = IsDigitAscii(prev) && IsDigitAscii(next) && numeric;
                    break;
                case '/':
                    // Dates ("11/28/2000") and one-letter shorthands ("b/c", "w/o", "a/c").
                    keep = (IsDigitAscii(prev) && IsDigitAscii(next) && numeric)
                        || (j - segStart == 1 && j == i + 1 && IsLetterAt(text, j - 1, e) && IsLetterAt(text, j + 1, e) && (j + 2 >= e || !IsWordCharAt(text, j + 2, e, out _)));
                    break;
                case '\'':
                case '\u2019':
                case '\u02BC':
                    // "don't", "O'Brien", "90's"; not "'90s" or a closing quote.
                    keep = IsLetterAt(text, j + 1, e) && (IsLetterAt(text, j - 1, e) || IsDigitAscii(prev));
                    if (keep)
                    {
                        lastApostrophe = j;
                        numeric = false;
                    }

                    break;
                case '&':
                    keep = IsUpperAt(text, j - 1) && IsUpperAt(text, j + 1) && j - segStart <= 3;
                    break;
                case '-':
                case '\u2010':
                    keep = (numeric && IsPhoneGroup(text, segStart, j, e))
                        || (j - segStart <= 7 && IsLetterAt(text, j + 1, e) && PrefixLookup.Contains(text.AsSpan(segStart, j - segStart)))
                        || (segmentNumeric && IsExponentSign(text, segStart, j, next));
                    break;
                case '+':
                    keep = segmentNumeric && IsExponentSign(text, segStart, j, next);
                    break;
                case '\u00AD':
                case '\u200C':
                case '\u200D':
                    // Soft hyphens and joiners inside a word.
                    keep = IsWordCharAt(text, j + 1, e, out _);
                    break;
                default:
                    break;
            }

            if (!keep)
            {
                break;
            }

            j++;
            segStart = j;
            segmentNumeric = numeric;
        }

        // A trailing dot belongs to an abbreviation ("U.S.", "etc.", "Mr.", "M.").
        // At the very end of the text EWT gives a sentence-final abbreviation's dot its own token ("U.S" ".").
        var wordEnd = j;
        if (j < e && text[j] == '.' && (j + 1 == e || text[j + 1] != '.') && IsAbbreviation(text, i, j, rangeEnd) && !AtEndOfRange(text, j + 1, rangeEnd))
        {
            j++;
        }

        if (j - i == 3 && lastApostrophe < 0 && text.AsSpan(i, 3).Equals("its", StringComparison.OrdinalIgnoreCase) && ItsIsItIs(text, j, rangeEnd))
        {
            // "its not", "its a": "it's" written without its apostrophe, a multiword token in EWT.
            tokens.Add(new Token(i, i + 2));
            tokens.Add(new Token(i + 2, j));
            return j;
        }

        EmitWord(text, i, wordEnd, j, lastApostrophe, tokens);
        return j;
    }

    // Words after which "its" is "it is" (never the possessive): "its not", "its a", "its really".
    private static readonly HashSet<string> AfterItIs = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "a", "an", "the", "really", "simply", "like", "in", "now", "definitely", "also", "just", "all", "been",
        "getting", "going", "gonna", "so", "too", "ok", "okay", "because", "what", "my", "your", "our", "their", "still",
        "always", "never", "probably", "pretty", "very", "only", "about", "on", "at", "for",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AfterItIsLookup = AfterItIs.GetAlternateLookup<ReadOnlySpan<char>>();

    // Whether the word after "its" (at j) is one of AfterItIs. Skips the white space the caller skips next.
    private static bool ItsIsItIs(string text, int j, int rangeEnd)
    {
        if (j >= rangeEnd || !char.IsWhiteSpace(text[j]))
        {
            return false;
        }

        while (j < rangeEnd && char.IsWhiteSpace(text[j]))
        {
            j++;
        }

        var k = j;
        while (k < rangeEnd && k - j <= 10 && text[k] < 128 && (Ascii[text[k]] & Letter) != 0)
        {
            k++;
        }

        return k > j && k - j <= 10 && (k == rangeEnd || !char.IsLetterOrDigit(text[k])) && AfterItIsLookup.Contains(text.AsSpan(j, k - j));
    }

    // Only white space and closing brackets or quotes remain before the end of the tokenized range. The
    // scan stops at the first other character, so over a whole text it reads each character at most twice.
    private static bool AtEndOfRange(string text, int j, int rangeEnd)
    {
        while (j < rangeEnd && (char.IsWhiteSpace(text[j]) || text[j] is ')' or ']' or '"' or '\u201D' or '\u2019' or '\''))
        {
            j++;
        }

        return j >= rangeEnd;
    }

    private static bool HasLower(string text, int s, int e)
    {
        for (var k = s; k < e; k++)
        {
            if (char.IsLower(text[k]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ThreeDigitsThenEnd(string text, int j, int e) =>
        j + 3 <= e && IsDigitAscii(text[j]) && IsDigitAscii(text[j + 1]) && IsDigitAscii(text[j + 2]) && (j + 3 == e || !IsDigitAscii(text[j + 3]));

    // "713-853-3989", "646-8420": a three-digit group followed by a group of three (and a hyphen) or four.
    private static bool IsPhoneGroup(string text, int segStart, int j, int e)
    {
        if (j - segStart is < 1 or > 3)
        {
            return false;
        }

        for (var k = segStart; k < j; k++)
        {
            if (!IsDigitAscii(text[k]))
            {
                return false;
            }
        }

        var n = 0;
        var k2 = j + 1;
        while (k2 < e && n < 5 && IsDigitAscii(text[k2]))
        {
            n++;
            k2++;
        }

        return (n == 4 && (k2 == e || !IsWordCharAt(text, k2, e, out _)))
            || (n == 3 && j - segStart == 3 && k2 < e && text[k2] == '-');
    }

    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "m", "k", "b", "bn", "mn", "M", "K", "B", "BN", "pm", "am", "PM", "AM", "p", "a", "mm", "cm", "km",
        "ft", "kg", "g", "mg", "lb", "lbs", "oz", "x", "mi", "mph", "kph", "hr", "hrs", "h", "min", "mins",
        "sec", "secs", "ml", "yr", "yrs", "GB", "MB", "KB", "TB", "gb", "mb", "kb", "GHz", "MHz", "in",
        "hh", "mil", "ish", "yo", "ms", "kw", "kW", "MW", "ppm", "sqft", "D",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UnitLookup = Units.GetAlternateLookup<ReadOnlySpan<char>>();

    // A unit after a number ("3m", "9am", "5km"): the letters up to the end of the word are a known unit.
    private static bool IsUnitAfterNumber(string text, int j, int e)
    {
        var k = j;
        while (k < e && k - j <= 4 && text[k] < 128 && (Ascii[text[k]] & Letter) != 0)
        {
            k++;
        }

        if (k - j > 4 || (k < e && IsWordCharAt(text, k, e, out _)))
        {
            return false;
        }

        return UnitLookup.Contains(text.AsSpan(j, k - j));
    }

    private static bool IsAbbreviation(string text, int s, int end, int e)
    {
        var w = text.AsSpan(s, end - s);
        if (w.Length == 1)
        {
            // An initial ("M."), but not "I." at the end of a sentence.
            return w[0] is >= 'A' and <= 'Z' and not 'I';
        }

        if (w.Length > 12)
        {
            return false;
        }

        if (AbbreviationLookup.TryGetValue(w, out var found))
        {
            if (NumberAbbreviations.Contains(found))
            {
                // "No. 5" but "No." as an answer.
                var k = end + 1;
                while (k < e && text[k] == ' ')
                {
                    k++;
                }

                return k < e && IsDigitAscii(text[k]);
            }

            return true;
        }

        // Single letters separated by dots: "U.S", "e.g", "a.m", "i.e".
        if (w.Length >= 3 && w.Length % 2 == 1)
        {
            for (var k = 0; k < w.Length; k++)
            {
                if (k % 2 == 1 ? w[k] != '.' : !char.IsLetter(w[k]))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    // Emits a scanned word [s, wordEnd) (plus an abbreviation dot up to end), splitting off a clitic.
    private static void EmitWord(string text, int s, int wordEnd, int end, int lastApostrophe, List<Token> tokens)
    {
        if (end == wordEnd)
        {
            if (lastApostrophe > s)
            {
                var suffix = text.AsSpan(lastApostrophe + 1, wordEnd - lastApostrophe - 1);
                if (suffix.Equals("s", StringComparison.OrdinalIgnoreCase) || suffix.Equals("m", StringComparison.OrdinalIgnoreCase)
                    || suffix.Equals("d", StringComparison.OrdinalIgnoreCase) || suffix.Equals("ll", StringComparison.OrdinalIgnoreCase)
                    || suffix.Equals("re", StringComparison.OrdinalIgnoreCase) || suffix.Equals("ve", StringComparison.OrdinalIgnoreCase))
                {
                    tokens.Add(new Token(s, lastApostrophe));
                    tokens.Add(new Token(lastApostrophe, wordEnd));
                    return;
                }

                if (suffix.Equals("t", StringComparison.OrdinalIgnoreCase) && lastApostrophe - 1 > s && text[lastApostrophe - 1] is 'n' or 'N')
                {
                    tokens.Add(new Token(s, lastApostrophe - 1));
                    tokens.Add(new Token(lastApostrophe - 1, wordEnd));
                    return;
                }
            }
            else if (wordEnd - s is >= 2 and <= 7)
            {
                var (first, second) = SpecialSplit(text.AsSpan(s, wordEnd - s));
                if (first > 0)
                {
                    tokens.Add(new Token(s, s + first));
                    if (second > 0)
                    {
                        tokens.Add(new Token(s + first, s + first + second));
                        first += second;
                    }

                    tokens.Add(new Token(s + first, wordEnd));
                    return;
                }
            }
        }

        tokens.Add(new Token(s, end));
    }
}
