using System.Collections.Frozen;
using System.Globalization;
using ArgMiner.Text;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers;

/// <summary>
/// The numeric-claim grammar: a hand-written matcher over the tokens of one sentence, in the manner of
/// Microsoft.Recognizers.Text's number, number-range, percent and currency models (which do not restore
/// here). It finds cardinals in digits and words, ordinals, money, percentages, measures, ranges, qualifiers
/// and rates, keeps dates apart, and attaches the counted noun, time anchor and source.
/// </summary>
/// <remarks>
/// Every rule looks a bounded number of tokens ahead and the scan never goes back, so the work is linear in
/// the sentence (a literal that spans several tokens is lexed once). It accepts both the UD tokenisation
/// ("1,500" whole, "$" "1", "35" "%") and a finer one that splits on every punctuation mark ("1" "," "500"):
/// number pieces that touch are glued back together. The decisions (what the span covers, when "one" or a year
/// is a quantity, currency defaults) are listed in Numbers/README.md.
/// </remarks>
public static class NumericClaimExtractor
{
    // Literal longer than this (in characters) is an identifier, not an amount.
    private const int MaxLiteralLength = 40;

    /// <summary>
    /// Finds the claims, dates and numerals of one sentence and appends them to the lists.
    /// </summary>
    /// <param name="text">The document text.</param>
    /// <param name="tokens">The sentence's tokens.</param>
    /// <param name="sentence">The sentence's index, copied into every result.</param>
    /// <param name="claims">Receives the claims, in text order.</param>
    /// <param name="dates">Receives the dates, in text order; may be null.</param>
    /// <param name="numerals">Receives the bare numerals, in text order; may be null.</param>
    public static void Analyze(string text, ReadOnlySpan<Token> tokens, int sentence, List<NumericClaim> claims, List<DateSpan>? dates = null, List<Numeral>? numerals = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(claims);
        if (tokens.IsEmpty)
        {
            return;
        }

        var scanner = new Scanner(text, tokens, sentence);
        scanner.Run(claims, dates, numerals);
    }

    /// <summary>The date spans of every sentence of a tokenised, split document (for DATE entities).</summary>
    public static IReadOnlyList<DateSpan> FindDates(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var dates = new List<DateSpan>();
        var claims = new List<NumericClaim>();
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            claims.Clear();
            Analyze(document.Text, document.TokensOf(document.Sentences[s]), s, claims, dates);
        }

        return dates;
    }

    private enum Suffix
    {
        None,
        Ordinal,
        Scale,
        MetreOrMillion,
        Unit,
        Currency,
        Percent,
        Decade,
        Unknown,
    }

    private enum Last
    {
        None,
        Article,
        Unit,
        Teen,
        Tens,
        Hundred,
        Scale,
        And,
        Dozen,
    }

    private struct Literal
    {
        public int End;
        public double Value;
        public bool Valid;
        public bool Identifier;
        public bool Integer;
        public bool Grouped;
        public int IntDigits;
        public bool LeadingZero;
        public Suffix Suffix;
        public double Scale;
        public string? Unit;
    }

    private struct Amount
    {
        public int Start;
        public int End;
        public double Value;
        public double BaseValue;
        public bool HasScale;
        public bool Words;
        public bool Ordinal;
        public bool Integer;
        public bool BareOne;
        public bool YearLike;
        public bool Vague;
        public bool GluedUnit;
        public bool LeadingZero;
        public string? Unit;
        public string? Currency;
        public bool Percent;
    }

    private struct Quantity
    {
        public int Start;
        public int End;
        public string Kind;
        public double Value;
        public string? Unit;
        public Amount Amount;
        public bool Vague;
    }

    private ref struct Scanner
    {
        private readonly string _text;
        private readonly ReadOnlySpan<Token> _t;
        private readonly int _sentence;
        private readonly int _n;
        private readonly Literal[] _lit;
        private readonly bool[] _interior;
        private readonly int[] _dateEnd;
        private List<Numeral>? _numerals;
        private bool _contextDone;
        private string? _source;
        private List<(int Start, int End, int TimeStart)>? _dateList;

        public Scanner(string text, ReadOnlySpan<Token> tokens, int sentence)
        {
            _text = text;
            _t = tokens;
            _sentence = sentence;
            _n = tokens.Length;
            _lit = new Literal[_n];
            _interior = new bool[_n];
            _dateEnd = new int[_n];
            _numerals = null;
            _contextDone = false;
            _source = null;
            _dateList = null;
        }

        public void Run(List<NumericClaim> claims, List<DateSpan>? dates, List<Numeral>? numerals)
        {
            _numerals = numerals;
            LexLiterals();
            FindDateSpans(dates);
            var first = claims.Count;
            var i = 0;
            while (i < _n)
            {
                if (_dateEnd[i] > 0)
                {
                    i = _dateEnd[i];
                    continue;
                }

                if (_interior[i])
                {
                    i++;
                    continue;
                }

                var next = MatchClaim(i, claims);
                i = next > i ? next : i + 1;
            }

            if (claims.Count > first)
            {
                AttachContext(claims, first);
            }
        }

        // ---------------------------------------------------------------- tokens

        private readonly ReadOnlySpan<char> W(int i) => i >= 0 && i < _n ? _text.AsSpan(_t[i].Start, _t[i].Length) : [];

        private readonly bool Is(int i, string word) => i >= 0 && i < _n && W(i).Equals(word, StringComparison.OrdinalIgnoreCase);

        private readonly bool Glued(int i) => i > 0 && i < _n && _t[i].Start == _t[i - 1].End;

        private readonly bool IsDash(int i)
        {
            var w = W(i);
            return w.Length == 1 && w[0] is '-' or '–' or '—' or '‒' or '−';
        }

        private readonly bool IsPunct(int i)
        {
            var w = W(i);
            return w.Length > 0 && !char.IsLetterOrDigit(w[0]);
        }

        private readonly bool IsCapitalized(int i)
        {
            var w = W(i);
            return w.Length > 0 && char.IsUpper(w[0]);
        }

        private readonly bool IsWord(int i)
        {
            var w = W(i);
            return w.Length > 0 && char.IsLetter(w[0]);
        }

        private static bool Lookup<T>(FrozenDictionary<string, T> d, ReadOnlySpan<char> key, out T value)
        {
            if (key.IsEmpty)
            {
                value = default!;
                return false;
            }

            return d.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out value!);
        }

        private static bool In(FrozenSet<string> set, ReadOnlySpan<char> key) =>
            !key.IsEmpty && set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key);

        private readonly string Slice(int first, int endExclusive) =>
            _text[_t[first].Start.._t[endExclusive - 1].End];

        // ---------------------------------------------------------------- literals

        // One pass: each run of touching number pieces becomes one literal, lexed once.
        private readonly void LexLiterals()
        {
            var i = 0;
            while (i < _n)
            {
                var w = W(i);
                var startsNumber = char.IsAsciiDigit(w[0]) || (w[0] == '.' && w.Length > 1 && char.IsAsciiDigit(w[1]));
                var dotThenDigits = w.Length == 1 && w[0] == '.' && i + 1 < _n && Glued(i + 1) && char.IsAsciiDigit(W(i + 1)[0])
                    && !(Glued(i) && char.IsAsciiDigit(W(i - 1)[^1]));
                if (!startsNumber && !dotThenDigits)
                {
                    i++;
                    continue;
                }

                var end = dotThenDigits ? i + 2 : i + 1;
                while (end + 1 < _n && W(end) is [',' or '.'] && Glued(end) && Glued(end + 1)
                    && char.IsAsciiDigit(W(end - 1)[^1]) && char.IsAsciiDigit(W(end + 1)[0]))
                {
                    end += 2;
                }

                _lit[i] = Parse(_text.AsSpan(_t[i].Start, _t[end - 1].End - _t[i].Start), end);
                for (var k = i + 1; k < end; k++)
                {
                    _interior[k] = true;
                }

                i = end;
            }
        }

        private static Literal Parse(ReadOnlySpan<char> s, int end)
        {
            var lit = new Literal { End = end, Valid = true };
            var j = 0;
            int dots = 0, commas = 0, digits = 0;
            while (j < s.Length)
            {
                var c = s[j];
                if (char.IsAsciiDigit(c))
                {
                    digits++;
                    j++;
                }
                else if ((c == ',' || c == '.') && j + 1 < s.Length && char.IsAsciiDigit(s[j + 1]))
                {
                    if (c == '.')
                    {
                        dots++;
                    }
                    else
                    {
                        commas++;
                    }

                    j++;
                }
                else
                {
                    break;
                }
            }

            var number = s[..j];
            var suffix = s[j..];
            if (j > MaxLiteralLength || dots > 1 || digits == 0)
            {
                lit.Identifier = true;
                return lit;
            }

            // Thousands grouping: 1-3 digits, then groups of exactly three; otherwise one comma and 1-2
            // digits is a decimal comma ("1,3"); anything else is a list or a code.
            var decimalComma = false;
            if (commas > 0)
            {
                var intPart = number;
                var dot = number.IndexOf('.');
                if (dot >= 0)
                {
                    intPart = number[..dot];
                }

                var groupsOk = true;
                var firstComma = intPart.IndexOf(',');
                if (firstComma < 0 || firstComma > 3)
                {
                    groupsOk = false;
                }
                else
                {
                    var rest = intPart[(firstComma + 1)..];
                    while (groupsOk && !rest.IsEmpty)
                    {
                        var next = rest.IndexOf(',');
                        var group = next < 0 ? rest : rest[..next];
                        groupsOk = group.Length == 3;
                        rest = next < 0 ? [] : rest[(next + 1)..];
                    }
                }

                if (!groupsOk)
                {
                    if (commas == 1 && dots == 0 && number.Length - number.IndexOf(',') - 1 <= 2)
                    {
                        decimalComma = true;
                    }
                    else
                    {
                        lit.Identifier = true;
                        return lit;
                    }
                }

                lit.Grouped = !decimalComma;
            }

            Span<char> buffer = stackalloc char[MaxLiteralLength + 1];
            var b = 0;
            var seenPoint = false;
            foreach (var c in number)
            {
                if (c == ',' && !decimalComma)
                {
                    continue;
                }

                if (c is '.' or ',')
                {
                    seenPoint = true;
                    buffer[b++] = '.';
                }
                else
                {
                    if (!seenPoint)
                    {
                        lit.IntDigits++;
                    }

                    buffer[b++] = c;
                }
            }

            lit.Value = double.Parse(buffer[..b], NumberStyles.Float, CultureInfo.InvariantCulture);
            lit.Integer = !seenPoint;
            lit.LeadingZero = number.Length > 1 && number[0] == '0' && char.IsAsciiDigit(number[1]);
            ClassifySuffix(ref lit, suffix);
            return lit;
        }

        private static void ClassifySuffix(ref Literal lit, ReadOnlySpan<char> suffix)
        {
            if (suffix.IsEmpty)
            {
                return;
            }

            if (lit.Integer && (suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)))
            {
                lit.Suffix = Suffix.Ordinal;
                return;
            }

            if (lit.Integer && (suffix is "s" or "'s") && lit.Value % 10 == 0 && (lit.IntDigits is 2 or 4))
            {
                lit.Suffix = Suffix.Decade;
                return;
            }

            switch (suffix)
            {
                case "k" or "K":
                    lit.Suffix = Suffix.Scale;
                    lit.Scale = 1e3;
                    return;
                case "M" or "MM" or "mn" or "mln" or "mil" or "Mn":
                    lit.Suffix = Suffix.Scale;
                    lit.Scale = 1e6;
                    return;
                case "m":
                    lit.Suffix = Suffix.MetreOrMillion;
                    return;
                case "b" or "B" or "bn" or "Bn" or "BN" or "bln":
                    lit.Suffix = Suffix.Scale;
                    lit.Scale = 1e9;
                    return;
                case "tn" or "trn" or "tln":
                    lit.Suffix = Suffix.Scale;
                    lit.Scale = 1e12;
                    return;
                case "%":
                    lit.Suffix = Suffix.Percent;
                    return;
                case "G" or "D":
                    lit.Suffix = Suffix.Unknown;
                    lit.Identifier = true;
                    return;
                case "t":
                    lit.Suffix = Suffix.Unit;
                    lit.Unit = "t";
                    return;
                default:
                    break;
            }

            if (Lookup(Units, suffix, out var unit))
            {
                lit.Suffix = Suffix.Unit;
                lit.Unit = unit;
            }
            else if (Lookup(Symbols, suffix, out var code) || (suffix.Length == 3 && In(PrefixCodes, suffix) && Lookup(CurrencyWords, suffix, out var cw) && (code = cw.Code) is not null))
            {
                lit.Suffix = Suffix.Currency;
                lit.Unit = code;
            }
            else
            {
                lit.Suffix = Suffix.Unknown;
                lit.Identifier = true;
            }
        }

        // ---------------------------------------------------------------- dates

        private readonly void FindDateSpans(List<DateSpan>? dates)
        {
            var i = 0;
            while (i < _n)
            {
                var end = MatchDate(i, out var start);
                if (end > i)
                {
                    _dateEnd[start] = end;
                    dates?.Add(new DateSpan(_t[start].Start, _t[end - 1].End, _sentence));
                    i = end;
                }
                else
                {
                    i++;
                }
            }
        }

        private readonly bool IsMonth(int i, out int month, bool afterDay = false)
        {
            month = 0;
            if (i < 0 || i >= _n)
            {
                return false;
            }

            var w = W(i);
            if (w.Length > 3 && w[^1] == '.')
            {
                w = w[..^1]; // "Oct." as one token
            }

            if (!Lookup(Months, w, out month))
            {
                return false;
            }

            var next = i + 1 < _n && Glued(i + 1) && W(i + 1) is "." ? i + 2 : i + 1;
            var anchored = afterDay || DayAt(next) || YearAt(next) || ((Is(next, ",") || Is(next, "of")) && YearAt(next + 1));
            var ambiguous = w.Length <= 4 && !w.Equals("june", StringComparison.OrdinalIgnoreCase) && !w.Equals("july", StringComparison.OrdinalIgnoreCase);
            if (!IsCapitalized(i))
            {
                // Lower-case months only with a day or a year, and never "may" or "march".
                return anchored && !w.Equals("may", StringComparison.Ordinal) && !w.Equals("march", StringComparison.Ordinal);
            }

            // "May" and "March" are also a verb and a noun, "Jan" a name: they need a day, a year or a date preposition.
            if (ambiguous || w is "March")
            {
                return anchored || (i > 0 && In(YearPrepositions, W(i - 1)) && !Is(i - 1, "and") && !Is(i - 1, "to"));
            }

            return true;
        }

        private readonly bool DayAt(int i)
        {
            if (i >= _n || _interior[i])
            {
                return false;
            }

            var l = _lit[i];
            return l.Valid && !l.Identifier && l.Integer && !l.Grouped && l.Value is >= 1 and <= 31 && l.IntDigits <= 2
                && l.Suffix is Suffix.None or Suffix.Ordinal;
        }

        private readonly bool YearAt(int i)
        {
            if (i >= _n || _interior[i])
            {
                return false;
            }

            var l = _lit[i];
            return l.Valid && !l.Identifier && l.Integer && !l.Grouped && l.IntDigits == 4 && l.Value is >= 1000 and <= 2199
                && l.Suffix is Suffix.None;
        }

        // A date starting at or just before i; returns its end (exclusive) or i.
        private readonly int MatchDate(int i, out int start)
        {
            start = i;
            if (_interior[i])
            {
                return i;
            }

            // early / mid / late [-] YEAR or MONTH; "mid-2020s"
            if (In(DateModifiers, W(i)))
            {
                var j = i + 1;
                if (IsDash(j) && Glued(j) && Glued(j + 1))
                {
                    j++;
                }
                else if (Is(j, "of"))
                {
                    j++;
                }

                if (YearAt(j) || DecadeAt(j))
                {
                    return j + 1;
                }

                if (IsMonth(j, out _))
                {
                    return AfterMonth(j);
                }

                return i;
            }

            // DAY [of] MONTH [YEAR]
            if (DayAt(i))
            {
                var j = i + 1;
                if (Is(j, "of"))
                {
                    j++;
                }

                if (IsMonth(j, out _, afterDay: true))
                {
                    var k = j + 1;
                    if (k < _n && W(k) is "." && Glued(k))
                    {
                        k++;
                    }

                    if (Is(k, ",") || Is(k, "of"))
                    {
                        k++;
                    }

                    return YearAt(k) ? k + 1 : (k > j + 1 && W(k - 1) is "," or "of" ? k - 1 : k);
                }
            }

            if (IsMonth(i, out _))
            {
                return AfterMonth(i);
            }

            if (DecadeAt(i))
            {
                return i + 1;
            }

            if (NumericDateToken(W(i)))
            {
                return i + 1;
            }

            // Numeric dates: 5/17/2018, 2019-12-01, 12/2019 (pieces touching, a year among them).
            if (_lit[i].Valid && !_lit[i].Identifier && _lit[i].Integer && !_lit[i].Grouped)
            {
                var j = i;
                var parts = 1;
                var hasYear = _lit[i].IntDigits == 4;
                while (j + 2 < _n && W(j + 1) is "/" or "-" && Glued(j + 1) && Glued(j + 2) && _lit[j + 2].Valid
                    && _lit[j + 2].Integer && !_lit[j + 2].Grouped && _lit[j + 2].IntDigits <= 4 && parts < 3)
                {
                    hasYear |= _lit[j + 2].IntDigits == 4;
                    j += 2;
                    parts++;
                }

                if (parts >= 2 && (hasYear || parts == 3) && !(parts == 2 && IsRangeLike(i, j)))
                {
                    return j + 1;
                }

                if (YearAt(i) && IsStandaloneYear(i))
                {
                    return i + 1;
                }
            }

            return i;
        }

        // One token such as "02/22/2016", "2015.5.13", "11/2016", "21/04/16": two or three groups of digits joined
        // by one separator, with a four-digit year first or last (or three groups joined by slashes).
        private static bool NumericDateToken(ReadOnlySpan<char> w)
        {
            if (w.Length is < 6 or > 10 || !char.IsAsciiDigit(w[0]) || !char.IsAsciiDigit(w[^1]))
            {
                return false;
            }

            var sep = '\0';
            Span<int> lengths = stackalloc int[3];
            Span<int> values = stackalloc int[3];
            var groups = 0;
            foreach (var c in w)
            {
                if (char.IsAsciiDigit(c))
                {
                    if (lengths[groups] == 4)
                    {
                        return false;
                    }

                    lengths[groups]++;
                    values[groups] = (values[groups] * 10) + (c - '0');
                }
                else if (c is '/' or '.' or '-' && (sep == '\0' || sep == c) && groups < 2 && lengths[groups] > 0)
                {
                    sep = c;
                    groups++;
                }
                else
                {
                    return false;
                }
            }

            groups++;
            if (groups < 2)
            {
                return false;
            }

            static bool Year(int length, int value) => length == 4 && value is >= 1000 and <= 2199;
            var yearFirst = Year(lengths[0], values[0]);
            var yearLast = Year(lengths[groups - 1], values[groups - 1]);
            var monthOk = groups == 2
                ? (yearFirst ? values[1] : values[0]) is >= 1 and <= 12
                : (yearFirst ? values[1] is >= 1 and <= 12 : (values[0] is >= 1 and <= 12 || values[1] is >= 1 and <= 12));
            return monthOk && (yearFirst || yearLast || (groups == 3 && sep == '/'));
        }

        // "1995-2001" is a span of years; "1,500-3,000" and "2-3" are number ranges.
        private readonly bool IsRangeLike(int first, int last)
        {
            var a = _lit[first];
            var b = _lit[last];
            if (W(first + 1) is "/")
            {
                return false;
            }

            if (a.IntDigits == 4 && b.IntDigits == 4 && a.Value is >= 1000 and <= 2199 && b.Value is >= 1000 and <= 2199)
            {
                return false;
            }

            return !b.LeadingZero && b.Value > a.Value;
        }

        private readonly bool DecadeAt(int i) => i < _n && _lit[i].Valid && _lit[i].Suffix == Suffix.Decade && _lit[i].IntDigits == 4;

        private readonly int AfterMonth(int m)
        {
            var k = m + 1;
            if (k < _n && W(k) is "." && Glued(k))
            {
                k++;
            }

            if (DayAt(k))
            {
                k++;

                // "November 19-20"
                if (IsDash(k) && DayAt(k + 1) && _lit[k + 1].Value > _lit[k - 1].Value)
                {
                    k += 2;
                }

                var y = k;
                if (Is(y, ","))
                {
                    y++;
                }
                else if (Is(y, "of"))
                {
                    y++;
                }

                return YearAt(y) ? y + 1 : k;
            }

            if ((Is(k, ",") || Is(k, "of")) && YearAt(k + 1))
            {
                return k + 2;
            }

            return YearAt(k) ? k + 1 : m + 1;
        }

        // A bare four-digit year: "in 2011", "the 2011 withdrawal", "since 2003"; but "2000 troops" is a count.
        private readonly bool IsStandaloneYear(int i)
        {
            var next = i + 1;
            if (next < _n)
            {
                var w = W(next);
                if (w is "%" || Lookup(Scales, w, out _) || Lookup(Units, w, out _) || Lookup(CurrencyWords, w, out _)
                    || IsPercentWord(next) || PluralNoun(next) || (IsDash(next) && Glued(next) && IsWord(next + 1)))
                {
                    return false;
                }

                // "1500 to 2000 troops": the range's end counts something; "1000-5000" is no span of years.
                if ((Is(next, "to") || IsDash(next) || Is(next, "and")) && next + 1 < _n && _lit[next + 1].Valid
                    && (PluralNoun(_lit[next + 1].End) || !(Is(next, "and") || YearAt(next + 1) || (IsDash(next) && _lit[next + 1].IntDigits == 2 && _lit[next + 1].Integer))))
                {
                    return false;
                }
            }

            if (i > 0)
            {
                var p = W(i - 1);
                if (Lookup(Symbols, p, out _) || In(QualifierLastWords, p) || (p is "of" && Is(i - 2, "total")))
                {
                    return false;
                }
            }

            return true;
        }

        // ---------------------------------------------------------------- words

        private readonly bool IsPercentWord(int i) =>
            Is(i, "percent") || Is(i, "percents") || Is(i, "pct") || Is(i, "percentage") || (Is(i, "per") && Is(i + 1, "cent"));

        private readonly bool PluralNoun(int i)
        {
            if (i < 0 || i >= _n || !IsWord(i))
            {
                return false;
            }

            var w = W(i);
            if (In(IrregularPlurals, w))
            {
                return true;
            }

            if (w.Length < 3 || In(PhraseStops, w) || !w.EndsWith('s') || w.EndsWith("ss") || w.EndsWith("us") || w.EndsWith("is") || w.EndsWith("'s"))
            {
                return false;
            }

            // "Americans" counts, "States" in "United States" does not.
            return !IsCapitalized(i) || !(i + 1 < _n && IsCapitalized(i + 1));
        }

        // ---------------------------------------------------------------- amounts

        private readonly bool TryAmount(int i, bool money, out Amount a)
        {
            a = default;
            if (i >= _n || _dateEnd[i] > 0 || _interior[i])
            {
                return false;
            }

            var negative = false;
            var s = i;
            if ((Is(i, "minus") || Is(i, "negative")) && i + 1 < _n)
            {
                negative = true;
                i++;
            }
            else if (IsDash(i) && i + 1 < _n && Glued(i + 1) && _lit[i + 1].Valid && !(Glued(i) && !IsPunct(i - 1)) && !(i > 0 && Glued(i) && _lit[i - 1].Valid))
            {
                negative = true;
                i++;
            }

            bool ok;
            if (_lit[i].Valid && SmallInteger(i) && i + 1 < _n && (Is(i + 1, "hundred") || (Lookup(Scales, W(i + 1), out var sc) && sc >= 1e3 && W(i + 1).Length > 3)))
            {
                ok = WordAmount(i, out a) && !_lit[i].Identifier;
            }
            else if (_lit[i].Valid)
            {
                ok = DigitAmount(i, money, out a);
            }
            else if (Lookup(PluralScales, W(i), out _))
            {
                ok = VagueAmount(i, out a);
            }
            else
            {
                ok = WordAmount(i, out a);
            }

            if (!ok)
            {
                return false;
            }

            if (negative)
            {
                a.Value = -a.Value;
                a.BaseValue = -a.BaseValue;
                a.Start = s;
                a.BareOne = false;
                a.YearLike = false;
            }

            return true;
        }

        private readonly bool DigitAmount(int i, bool money, out Amount a)
        {
            var l = _lit[i];
            a = new Amount { Start = i, End = l.End, Value = l.Value, BaseValue = l.Value, Integer = l.Integer, LeadingZero = l.LeadingZero };
            if (l.Identifier || _dateEnd[i] > 0 || l.Suffix == Suffix.Decade)
            {
                return false;
            }

            // Codes and versions: "F-16", "COVID-19", "v2.1" (the letter-led token never lexes), "Trump 2.0", "iOS 17.2".
            if (i > 0 && IsDash(i - 1) && Glued(i) && Glued(i - 1) && IsWord(i - 2) && !In(DateModifiers, W(i - 2)) && !(i > 2 && Glued(i - 2) && _lit[i - 3].Valid))
            {
                return false;
            }

            if (i > 0 && !l.Integer && (In(VersionWords, W(i - 1)) || (IsCapitalized(i - 1) && IsWord(i - 1) && _text[_t[l.End - 1].End - 1] == '0' && _text[_t[l.End - 1].End - 2] == '.')))
            {
                return false;
            }

            // Labels: "Section 7", "Flight 370", "Route 66", "No. 10".
            if (i > 0 && l.Integer && !l.Grouped && In(VersionWords, W(i - 1)) && !Is(i - 1, "number") && !Is(i - 1, "no"))
            {
                return false;
            }

            // Times of day ("10 a.m.", "5 pm") and area codes ("(713) 853-3242").
            if (l.End < _n && (Is(l.End, "a.m.") || Is(l.End, "p.m.") || Is(l.End, "am") || Is(l.End, "pm") || Is(l.End, "a.m") || Is(l.End, "p.m") || Is(l.End, "o'clock")))
            {
                return false;
            }

            if (i > 0 && W(i - 1) is "(" && Glued(i) && l.End + 1 < _n && W(l.End) is ")" && Glued(l.End) && _lit[l.End + 1].Valid)
            {
                return false;
            }

            // Phone numbers and similar: "+1-222-2222" or three number pieces joined by hyphens.
            if (i > 0 && W(i - 1) is "+" && Glued(i))
            {
                return false;
            }

            if (l.End + 1 < _n && IsDash(l.End) && Glued(l.End) && Glued(l.End + 1) && _lit[l.End + 1].Valid
                && _lit[l.End + 1].End + 1 < _n && IsDash(_lit[l.End + 1].End) && Glued(_lit[l.End + 1].End) && _lit[Math.Min(_n - 1, _lit[l.End + 1].End + 1)].Valid)
            {
                return false;
            }

            a.YearLike = l.Integer && !l.Grouped && l.IntDigits == 4 && l.Value is >= 1000 and <= 2199;
            switch (l.Suffix)
            {
                case Suffix.Ordinal:
                    a.Ordinal = true;
                    return true;
                case Suffix.Scale:
                    a.Value *= l.Scale;
                    a.HasScale = true;
                    a.YearLike = false;
                    break;
                case Suffix.MetreOrMillion:
                    if (money)
                    {
                        a.Value *= 1e6;
                        a.HasScale = true;
                    }
                    else
                    {
                        a.Unit = "m";
                        a.GluedUnit = true;
                    }

                    a.YearLike = false;
                    return true;
                case Suffix.Unit:
                    a.Unit = l.Unit;
                    a.GluedUnit = true;
                    a.YearLike = false;
                    return true;
                case Suffix.Currency:
                    a.Currency = l.Unit;
                    a.GluedUnit = true;
                    a.YearLike = false;
                    return true;
                case Suffix.Percent:
                    a.Percent = true;
                    a.YearLike = false;
                    return true;
                default:
                    break;
            }

            // Scale words after the digits: "1.5 million", "322 hundred", "3 dozens", "2.33 k", "10 M".
            var j = a.End;
            for (var n = 0; n < 3 && j < _n; n++)
            {
                var w = W(j);
                if (Lookup(Scales, w, out var scale))
                {
                    a.Value *= scale;
                }
                else if (n == 0 && Glued(j) && w is "b" or "B" or "Bn" or "BN")
                {
                    a.Value *= 1e9;
                }
                else if (w is "M" or "MM")
                {
                    a.Value *= 1e6;
                }
                else if (w is "m" && money)
                {
                    a.Value *= 1e6;
                }
                else if (w.Equals("dozen", StringComparison.OrdinalIgnoreCase) || w.Equals("dozens", StringComparison.OrdinalIgnoreCase)
                    || w.Equals("dzs", StringComparison.OrdinalIgnoreCase) || w.Equals("dozs", StringComparison.OrdinalIgnoreCase))
                {
                    a.Value *= 12;
                }
                else
                {
                    break;
                }

                a.HasScale = true;
                a.YearLike = false;
                j++;
            }

            a.End = j;
            return true;
        }

        private readonly bool VagueAmount(int i, out Amount a)
        {
            // "hundreds of", "tens of thousands of", "millions of": at least two of the scale.
            a = default;
            Lookup(PluralScales, W(i), out var scale);
            var j = i + 1;
            if (Is(j, "of") && Lookup(PluralScales, W(j + 1), out var inner) && inner > scale && Is(j + 2, "of"))
            {
                scale *= inner;
                j += 2;
            }

            if (!Is(j, "of"))
            {
                return false;
            }

            if (W(i) is "tens" or "Tens" && j == i + 1)
            {
                return false;
            }

            a = new Amount { Start = i, End = j, Value = 2 * scale, BaseValue = 2 * scale, Integer = true, Words = true, Vague = true };
            return true;
        }

        private readonly bool IsCardinal(int i, out int v)
        {
            v = 0;
            if (i < _n && SmallInteger(i))
            {
                v = (int)_lit[i].Value;
                return true;
            }

            return i < _n && Lookup(Cardinals, W(i), out v);
        }

        // A plain integer below 1000 that can take part in "3 hundred and 21".
        private readonly bool SmallInteger(int i) =>
            _lit[i].Valid && !_lit[i].Identifier && !_interior[i] && _lit[i].Integer && !_lit[i].Grouped && _lit[i].Suffix == Suffix.None
            && _lit[i].Value < 1000 && _lit[i].End == i + 1 && _dateEnd[i] == 0;

        private readonly bool WordAmount(int i, out Amount a)
        {
            a = default;
            double total = 0, hundreds = 0, small = 0;
            var last = Last.None;
            var lastScale = double.MaxValue;
            double firstGroup = 0;
            var j = i;
            var end = i;
            var ordinal = false;
            var words = 0;
            if ((Is(j, "a") || Is(j, "an")) && j + 1 < _n && (Is(j + 1, "hundred") || Is(j + 1, "dozen")
                || (Lookup(Scales, W(j + 1), out var sc) && sc >= 1e3 && W(j + 1).Length > 3)))
            {
                small = 1;
                last = Last.Article;
                j++;
            }

            while (j < _n && words < 40)
            {
                var w = W(j);
                if (SmallInteger(j))
                {
                    if (small != 0 || last is not (Last.None or Last.Hundred or Last.Scale or Last.And))
                    {
                        break;
                    }

                    small = _lit[j].Value;
                    last = Last.Teen;
                }
                else if (Lookup(Cardinals, w, out var v))
                {
                    if (v < 10)
                    {
                        if (last == Last.Tens)
                        {
                            small += v;
                        }
                        else if (last is Last.None or Last.Hundred or Last.Scale or Last.And)
                        {
                            small = v;
                        }
                        else
                        {
                            break;
                        }

                        last = Last.Unit;
                    }
                    else if (last is Last.None or Last.Hundred or Last.Scale or Last.And && small == 0)
                    {
                        small = v;
                        last = v < 20 ? Last.Teen : Last.Tens;
                    }
                    else
                    {
                        break;
                    }
                }
                else if (w.Equals("hundred", StringComparison.OrdinalIgnoreCase))
                {
                    if (small == 0 || hundreds != 0 || last is Last.Hundred or Last.Scale or Last.And)
                    {
                        break;
                    }

                    hundreds = small * 100;
                    small = 0;
                    last = Last.Hundred;
                }
                else if (Lookup(Scales, w, out var scale) && scale >= 1e3 && w.Length > 3)
                {
                    var group = hundreds + small;
                    if (group == 0 || scale >= lastScale || last == Last.And)
                    {
                        break;
                    }

                    if (total == 0)
                    {
                        firstGroup = group;
                    }

                    total += group * scale;
                    hundreds = small = 0;
                    lastScale = scale;
                    last = Last.Scale;
                }
                else if (w.Equals("dozen", StringComparison.OrdinalIgnoreCase) || w.Equals("dozens", StringComparison.OrdinalIgnoreCase)
                    || w.Equals("dzs", StringComparison.OrdinalIgnoreCase) || w.Equals("dozs", StringComparison.OrdinalIgnoreCase))
                {
                    if (small == 0 || last == Last.Dozen)
                    {
                        break;
                    }

                    small *= 12;
                    last = Last.Dozen;
                }
                else if (w.Equals("and", StringComparison.OrdinalIgnoreCase) && last is Last.Hundred or Last.Scale
                    && IsCardinal(j + 1, out var afterAnd) && afterAnd is > 0 and < 100 && !(last == Last.Hundred && Is(j + 2, "hundred")))
                {
                    last = Last.And;
                    j++;
                    continue;
                }
                else if (IsDash(j) && last == Last.Tens && small % 10 == 0 && j + 1 < _n
                    && ((IsCardinal(j + 1, out var u) && u is > 0 and < 10) || (Lookup(Ordinals, W(j + 1), out var o) && o is > 0 and < 10)))
                {
                    j++;
                    continue;
                }
                else if (Lookup(Ordinals, w, out var ov) && !SmallInteger(i))
                {
                    if (ov < 10 && last == Last.Tens && small % 10 == 0)
                    {
                        small += ov;
                    }
                    else if (last is Last.None or Last.Hundred or Last.Scale or Last.And)
                    {
                        small = ov;
                    }
                    else
                    {
                        break;
                    }

                    ordinal = true;
                    end = j + 1;
                    words++;
                    break;
                }
                else if (Lookup(ScaleOrdinals, w, out var so) && !SmallInteger(i) && last is Last.Unit or Last.Teen or Last.Tens or Last.Article)
                {
                    var group = (hundreds + small) * so;
                    total += group;
                    hundreds = small = 0;
                    ordinal = true;
                    end = j + 1;
                    words++;
                    break;
                }
                else if (w.Equals("point", StringComparison.OrdinalIgnoreCase) && words > 0 && last != Last.And && IsCardinal(j + 1, out _))
                {
                    var (frac, k) = DecimalWords(j + 1);
                    small += frac;
                    end = k;
                    words++;
                    j = k;
                    break;
                }
                else
                {
                    break;
                }

                words++;
                j++;
                end = j;
            }

            if (words == 0 || (last == Last.Article && end <= i + 1))
            {
                return false;
            }

            // Fractions ("three fifths", "one-third", "two thirds") are not claimed.
            if (end < _n && (PluralOrdinal(end) || (IsDash(end) && Glued(end) && Lookup(Ordinals, W(end + 1), out _)) || Is(end, "half") || Is(end, "halves") || Is(end, "quarter") || Is(end, "quarters")))
            {
                return false;
            }

            var value = total + hundreds + small;
            a = new Amount
            {
                Start = i,
                End = end,
                Value = value,
                BaseValue = hundreds + small == 0 && firstGroup > 0 && total == firstGroup * lastScale ? firstGroup : value,
                Words = true,
                Ordinal = ordinal,
                Integer = value == Math.Floor(value),
                HasScale = total > 0 || hundreds > 0,
                BareOne = !ordinal && end == i + 1 && Is(i, "one"),
            };
            if (ordinal && Is(i, "second") && end == i + 1 && (Is(i - 1, "a") || Is(i - 1, "per") || Is(i - 1, "one") || _lit[Math.Max(0, i - 1)].Valid))
            {
                return false;
            }

            return true;
        }

        private readonly bool PluralOrdinal(int i)
        {
            var w = W(i);
            if (w.Length < 4 || !w.EndsWith('s'))
            {
                return false;
            }

            return Lookup(Ordinals, w[..^1], out var v) && v > 2 || Lookup(ScaleOrdinals, w[..^1], out _) || w.Equals("thirds", StringComparison.OrdinalIgnoreCase);
        }

        private readonly (double Fraction, int End) DecimalWords(int j)
        {
            // "zero three" -> .03; "seventy-one" -> .71; "eleven" -> .11
            var digits = new System.Text.StringBuilder();
            var k = j;
            while (k < _n && digits.Length < 12)
            {
                if (IsCardinal(k, out var v))
                {
                    if (v >= 20 && v % 10 == 0 && IsDash(k + 1) && IsCardinal(k + 2, out var u) && u < 10)
                    {
                        v += u;
                        k += 2;
                    }

                    digits.Append(v.ToString(CultureInfo.InvariantCulture));
                    k++;
                }
                else
                {
                    break;
                }
            }

            var f = double.Parse("0." + digits, CultureInfo.InvariantCulture);
            return (f, k);
        }

        // ---------------------------------------------------------------- quantities

        private readonly bool TryQuantity(int i, out Quantity q)
        {
            q = default;
            if (i >= _n)
            {
                return false;
            }

            var start = i;
            string? code = null;
            var prefixScale = 1.0;
            var j = i;
            var w = W(j);
            if (Lookup(Symbols, w, out var sym))
            {
                code = sym;
                j++;
            }
            else if (w.Length > 1 && w[^1] == '$' && Lookup(DollarPrefixes, w[..^1], out var dp))
            {
                code = dp;
                j++;
            }
            else if (IsWord(j) && j + 1 < _n && W(j + 1) is "$" && Lookup(DollarPrefixes, w, out var dp2) && (Glued(j + 1) || (w.Length > 1 && !w.Equals("can", StringComparison.OrdinalIgnoreCase)) || w is "c" or "C"))
            {
                code = dp2;
                j += 2;
            }
            else if (IsWord(j) && j + 3 < _n && W(j + 1) is "." && W(j + 3) is "$" && Is(j, "u") && Is(j + 2, "s"))
            {
                code = "USD";
                j += 4;
            }
            else if (w.Length == 3 && In(PrefixCodes, w) && (IsUpper(w) || _n <= 4) && j + 1 < _n && _lit[j + 1].Valid)
            {
                Lookup(CurrencyWords, w, out var cw);
                code = cw.Code;
                j++;
            }
            else if (MillionsOfCode(w, out var mCode) && j + 1 < _n && (_lit[j + 1].Valid || IsCardinal(j + 1, out _)))
            {
                // "MAUD 60": millions of Australian dollars.
                code = mCode;
                prefixScale = 1e6;
                j++;
            }

            if (!TryAmount(j, code is not null, out var a))
            {
                return false;
            }

            a.Value *= prefixScale;

            if (a.Ordinal)
            {
                if (code is not null)
                {
                    return false;
                }

                q = new Quantity { Start = start, End = a.End, Kind = NumericKinds.Ordinal, Value = a.Value, Amount = a };
                return true;
            }

            var end = a.End;
            var kind = NumericKinds.Count;
            string? unit = null;
            var value = a.Value;
            if (code is not null)
            {
                kind = NumericKinds.Money;
                unit = code;
                end = CentsAfter(end, a, ref value, false);
                if (end < _n && Lookup(CurrencyWords, W(end), out var redundant) && redundant.Code == code && redundant.Divisor == 1)
                {
                    end++;
                }
            }
            else if (a.Currency is not null)
            {
                kind = NumericKinds.Money;
                unit = a.Currency;
            }
            else if (end < _n && Lookup(Symbols, W(end), out var symbolAfter) && !(end + 1 < _n && _lit[end + 1].Valid && !Glued(end)))
            {
                // "10 €", "100₾": the symbol after the amount (European style).
                kind = NumericKinds.Money;
                unit = symbolAfter;
                end++;
            }
            else if (a.Percent || (end < _n && W(end) is "%"))
            {
                kind = NumericKinds.Percent;
                unit = "%";
                if (!a.Percent)
                {
                    end++;
                }
            }
            else if (a.Unit is not null)
            {
                kind = NumericKinds.Measure;
                unit = a.Unit;
            }
            else if (end < _n && PercentAfter(end, out var pEnd, out var pUnit))
            {
                kind = NumericKinds.Percent;
                unit = pUnit;
                end = pEnd;
            }
            else if (end < _n && CurrencyAfter(end, a.HasScale, out var cEnd, out var cCode, out var divisor))
            {
                kind = NumericKinds.Money;
                unit = cCode;
                value /= divisor;
                end = cEnd;
                if (divisor == 1)
                {
                    end = CentsAfter(end, a, ref value, true);
                }
            }
            else if (end < _n && UnitAfter(end, out var uEnd, out var u))
            {
                kind = NumericKinds.Measure;
                unit = u;
                end = uEnd;

                // "5 feet 2 inches", "12 ft 2 in", "5 feet and 2 inches": feet with inches.
                if (u == "ft" && end < _n)
                {
                    var k = Is(end, "and") ? end + 1 : end;
                    if (TryAmount(k, false, out var inches) && !inches.Ordinal && inches.Value is > 0 and < 12
                        && (Is(inches.End, "inches") || Is(inches.End, "inch") || (Is(inches.End, "in") && (inches.End + 1 >= _n || !IsWord(inches.End + 1) || In(PhraseStops, W(inches.End + 1))))))
                    {
                        value += inches.Value / 12;
                        end = inches.End + 1;
                    }
                }
            }

            if (kind == NumericKinds.Count && a.YearLike && _dateEnd[a.Start] > 0)
            {
                return false;
            }

            q = new Quantity { Start = start, End = end, Kind = kind, Value = value, Unit = unit, Amount = a, Vague = a.Vague };
            return true;
        }

        // "MUSD", "MEUR": millions of a currency, as financial reports write them.
        private static bool MillionsOfCode(ReadOnlySpan<char> w, out string code)
        {
            code = "";
            if (w.Length == 4 && w[0] == 'M' && IsUpper(w) && In(PrefixCodes, w[1..]) && Lookup(CurrencyWords, w[1..], out var c))
            {
                code = c.Code;
                return true;
            }

            return false;
        }

        private static bool IsUpper(ReadOnlySpan<char> w)
        {
            foreach (var c in w)
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }
            }

            return true;
        }

        // "3 dollars 50 cents", "thirteen dollars and forty-five cents", "c $ 100 and fifty".
        private readonly int CentsAfter(int end, Amount main, ref double value, bool wordCurrency)
        {
            if (!main.Integer || main.HasScale || end >= _n)
            {
                return end;
            }

            var k = Is(end, "and") ? end + 1 : end;
            if (k >= _n || !TryAmount(k, false, out var cents) || !cents.Integer || cents.Ordinal || cents.Value is <= 0 or >= 100 || cents.HasScale)
            {
                return end;
            }

            var after = cents.End;
            var centWord = Is(after, "cents") || Is(after, "cent") || Is(after, "pence");
            // Digits without "cents" only close a word-written amount at the end of a clause: "15 dollars and 50."
            if (!centWord && !cents.Words && !(wordCurrency && (after >= _n || IsPunct(after))))
            {
                return end;
            }

            value += cents.Value / 100;
            return centWord ? after + 1 : after;
        }

        private readonly bool PercentAfter(int i, out int end, out string unit)
        {
            end = i;
            unit = "%";
            if (Is(i, "percentage") && (Is(i + 1, "points") || Is(i + 1, "point")))
            {
                end = i + 2;
                unit = "pp";
                return true;
            }

            if (Is(i, "per") && Is(i + 1, "cent"))
            {
                end = i + 2;
                return true;
            }

            if (Is(i, "percent") || Is(i, "percents") || Is(i, "pct") || Is(i, "percentage"))
            {
                end = i + 1;
                return true;
            }

            return false;
        }

        private readonly bool CurrencyAfter(int i, bool scaled, out int end, out string code, out double divisor)
        {
            end = i;
            code = "";
            divisor = 1;

            // Nationality words first: "Australian dollars", "Hong Kong dollars", "US dollar".
            for (var width = 2; width >= 1; width--)
            {
                var cur = i + width;
                if (cur < _n && Lookup(CurrencyWords, W(cur), out var c) && IsWord(i))
                {
                    var lemma = Lemma(W(cur));
                    var key = string.Concat(W(cur - 1), "|", lemma);
                    if (width == 2)
                    {
                        key = $"{W(i)} {W(i + 1)}|{lemma}";
                    }

                    if (Lookup(CurrencyNationalities, key, out var nat) || (width == 2 && Lookup(CurrencyNationalities, string.Concat(W(i + 1), "|", lemma), out nat)))
                    {
                        code = nat;
                        divisor = c.Divisor;
                        end = cur + 1;
                        return true;
                    }
                }
            }

            if (MillionsOfCode(W(i), out var mc))
            {
                code = mc;
                divisor = 1e-6;
                end = i + 1;
                return true;
            }

            if (Lookup(CurrencyWords, W(i), out var cw))
            {
                var w = W(i);
                if (w.Length == 3 && In(PrefixCodes, w) && !IsUpper(w) && !(w is "rmb" or "usd" or "eur" or "gbp"))
                {
                    return false;
                }

                // "5 pounds of sugar" and "drop 25 pounds" weigh, "361 million pounds" is money (news writes
                // "£" for small sums); "won" after a number is usually the verb.
                if ((w.StartsWith("pound", StringComparison.OrdinalIgnoreCase) && (Is(i + 1, "of") || !scaled)) || w.Equals("won", StringComparison.Ordinal) && !IsCapitalized(i)
                    || (w.Equals("try", StringComparison.OrdinalIgnoreCase) && !IsUpper(w)))
                {
                    return false;
                }

                code = cw.Code;
                divisor = cw.Divisor;
                end = i + 1;
                if (Is(end, "sterling") && code == "GBP")
                {
                    end++;
                }

                return true;
            }

            // "12-cent", "one-yen": a hyphenated money adjective.
            if (IsDash(i) && Glued(i) && Glued(i + 1) && Lookup(CurrencyWords, W(i + 1), out var hc) && !IsUpper(W(i + 1)))
            {
                code = hc.Code;
                divisor = hc.Divisor;
                end = i + 2;
                return true;
            }

            return false;
        }

        private static string Lemma(ReadOnlySpan<char> w)
        {
            var s = w.ToString().ToLowerInvariant();
            return s switch
            {
                "dollars" => "dollar",
                "francs" => "franc",
                "guilders" => "guilder",
                "rupees" => "rupee",
                "dinars" => "dinar",
                "pounds" => "pound",
                "riyals" => "riyal",
                "rials" => "rial",
                "pesos" => "peso",
                "roubles" => "rouble",
                "rubles" => "ruble",
                "shekels" => "shekel",
                "liras" => "lira",
                "kronor" => "krona",
                "kroner" => "krone",
                _ => s,
            };
        }

        private readonly bool UnitAfter(int i, out int end, out string unit)
        {
            end = i;
            unit = "";
            var k = i;
            var hyphen = false;
            if (IsDash(k) && Glued(k) && Glued(k + 1))
            {
                k++;
                hyphen = true;
            }

            var prefix = "";
            if (Lookup(UnitPrefixes, W(k), out var p) && k + 1 < _n && Lookup(Units, W(k + 1), out _))
            {
                prefix = p;
                k++;
            }

            if (k >= _n || !IsWord(k) && !W(k).SequenceEqual("μg"))
            {
                return false;
            }

            var w = W(k);
            if (!Lookup(Units, w, out var u))
            {
                return false;
            }

            // "m" and "g" stand alone only right after the number; "20-year-old" is an age, not a claim.
            if ((w is "m" or "g" or "in" or "ha" or "t" or "mi") && (hyphen || prefix.Length > 0))
            {
                return false;
            }

            if (w.Equals("in", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if ((hyphen && IsDash(k + 1) && Is(k + 2, "old")) || (u is "year" or "month" or "week" or "day" && Is(k + 1, "old")))
            {
                return false;
            }

            // Speeds: "188 miles an hour", "10 kilometers per hour".
            if (u is "miles" or "km" && (Is(k + 1, "an") || Is(k + 1, "per") || Is(k + 1, "a")) && Is(k + 2, "hour"))
            {
                unit = prefix + (u == "miles" ? "mph" : "km/h");
                end = k + 3;
                return true;
            }

            unit = prefix + u;
            end = k + 1;
            return true;
        }

        // ---------------------------------------------------------------- qualifiers

        private readonly bool MatchPhrase((string[] Words, string Qualifier)[] table, int i, out string qualifier, out int end)
        {
            qualifier = "";
            end = i;
            if (i >= _n || !IsWord(i) || !In(QualifierFirstWords, W(i)))
            {
                return false;
            }

            foreach (var (words, q) in table)
            {
                if (!W(i).Equals(words[0], StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var ok = true;
                for (var k = 1; k < words.Length && ok; k++)
                {
                    ok = Is(i + k, words[k]);
                }

                if (ok)
                {
                    qualifier = q;
                    end = i + words.Length;
                    return true;
                }
            }

            return false;
        }

        private static bool IsLower(string q) => q is Q.MoreThan or Q.AtLeast;

        private static bool IsUpperBound(string q) => q is Q.LessThan or Q.AtMost;

        // ---------------------------------------------------------------- claims

        private readonly int MatchClaim(int i, List<NumericClaim> claims)
        {
            var start = i;
            string? qualifier = null;
            var j = i;

            if (Is(j, "between") && TryQuantity(j + 1, out var b1) && Is(b1.End, "and") && TryQuantity(b1.End + 1, out var b2)
                && TryRange(b1, b2, out var bLow, out var bHigh, out var bUnit, out var bKind))
            {
                return Emit(claims, start, b1.Start, b2.End, NumericKinds.Range, null, bLow, bHigh, null, bUnit, b2, bKind, b1);
            }

            if (Is(j, "from") && TryQuantity(j + 1, out var f1) && (Is(f1.End, "to") || Is(f1.End, "through") || IsDash(f1.End))
                && TryQuantity(f1.End + 1, out var f2) && TryRange(f1, f2, out var fLow, out var fHigh, out var fUnit, out var fKind))
            {
                return Emit(claims, start, f1.Start, f2.End, NumericKinds.Range, null, fLow, fHigh, null, fUnit, f2, fKind, f1);
            }

            // "percent of 10", "per cent of twenty-two": the percent word first.
            if (PercentAfter(j, out var pw, out var pUnitFirst) && Is(pw, "of") && TryAmount(pw + 1, false, out var pa) && !pa.Ordinal
                && !(j > 0 && (_lit[j - 1].Valid || IsCardinal(j - 1, out _))))
            {
                var pq = new Quantity { Start = j, End = pa.End, Kind = NumericKinds.Percent, Value = pa.Value, Unit = pUnitFirst, Amount = pa };
                return Emit(claims, j, j, pa.End, NumericKinds.Percent, null, null, null, pa.Value, pUnitFirst, pq, NumericKinds.Percent, pq);
            }

            if (MatchPhrase(Qualifiers, j, out var q, out var qEnd) && qEnd < _n)
            {
                // "over" and "under" are prepositions before years and times ("over 3 years" stays a qualifier).
                qualifier = q;
                j = qEnd;
            }

            // "between 1,500-3,000", "from 10-20": the word belongs to the range only if a range follows.
            var rangeWord = Is(j, "between") || Is(j, "from");
            if (rangeWord)
            {
                j++;
            }

            if (!TryQuantity(j, out var q1))
            {
                return i + 1;
            }

            if (q1.Kind == NumericKinds.Ordinal)
            {
                if (qualifier is not null)
                {
                    return j;
                }

                EmitNumeral(q1.Amount);
                claims.Add(new NumericClaim
                {
                    Start = _t[q1.Start].Start,
                    End = _t[q1.End - 1].End,
                    QuantityStart = _t[q1.Start].Start,
                    QuantityEnd = _t[q1.End - 1].End,
                    Sentence = _sentence,
                    Kind = NumericKinds.Ordinal,
                    Value = q1.Value,
                });
                return q1.End;
            }

            // Ranges: "1,500–3,000", "2 to 3 million", "$5-$10", "20 through 100", "20~100".
            var connector = q1.End;
            if (connector < _n && (IsDash(connector) || Is(connector, "to") || Is(connector, "through") || W(connector) is "~")
                && TryQuantity(connector + 1, out var q2) && TryRange(q1, q2, out var low, out var high, out var rUnit, out var rKind))
            {
                if (Is(connector, "to") && Is(start - 1, "from"))
                {
                    start--;
                }

                return Emit(claims, start, q1.Start, q2.End, NumericKinds.Range, qualifier, low, high, null, rUnit, q2, rKind, q1);
            }

            if (rangeWord && qualifier is null)
            {
                start = q1.Start;
            }

            var end = q1.End;
            var quantityStart = q1.Start;

            // Postfix: "200 or more", "five hundred and more", "more than 5000 or equal to".
            if (MatchPhrase(PostQualifiers, end, out var post, out var postEnd) && !Is(postEnd, "than")
                && !(postEnd < _n && (_lit[postEnd].Valid || IsCardinal(postEnd, out _))))
            {
                if (post == Q.Exactly)
                {
                    if (qualifier == Q.MoreThan)
                    {
                        qualifier = Q.AtLeast;
                        end = postEnd;
                    }
                    else if (qualifier == Q.LessThan)
                    {
                        qualifier = Q.AtMost;
                        end = postEnd;
                    }
                }
                else if (qualifier is null or Q.Approximately or Q.Exactly)
                {
                    if (qualifier == Q.Approximately)
                    {
                        start = q1.Start;
                    }

                    qualifier = post;
                    end = postEnd;
                }
            }

            // Two bounds: "more than 10 and less than 40", "at most 100 and at least 20".
            if (qualifier is not null && (IsLower(qualifier) || IsUpperBound(qualifier)) && end < _n)
            {
                var k = end;
                if (Is(k, ","))
                {
                    k++;
                }

                if (Is(k, "and") || Is(k, "but"))
                {
                    k++;
                }

                if (k > end && MatchPhrase(Qualifiers, k, out var q2q, out var q2End) && (IsLower(qualifier) ? IsUpperBound(q2q) : IsLower(q2q))
                    && TryQuantity(q2End, out var qb) && qb.Kind == q1.Kind && qb.Kind is NumericKinds.Count or NumericKinds.Money or NumericKinds.Percent or NumericKinds.Measure)
                {
                    var lo = IsLower(qualifier) ? q1.Value : qb.Value;
                    var hi = IsLower(qualifier) ? qb.Value : q1.Value;
                    var postEnd2 = qb.End;
                    if (MatchPhrase(PostQualifiers, postEnd2, out var p2, out var p2End) && p2 == Q.Exactly)
                    {
                        postEnd2 = p2End;
                    }

                    if (lo < hi)
                    {
                        return Emit(claims, start, q1.Start, postEnd2, NumericKinds.Range, null, lo, hi, null, q1.Unit, qb, q1.Kind, q1);
                    }
                }
            }

            // Bare "one" is a pronoun or determiner ("one of the most serious", "the one region"): only a claim
            // with a qualifier, a unit, a scale or in a range.
            if (q1.Amount.BareOne && q1.Kind == NumericKinds.Count && qualifier is null)
            {
                if (!IsPronounOne(q1.Amount.Start))
                {
                    EmitNumeral(q1.Amount);
                }

                return q1.End;
            }

            if (q1.Kind == NumericKinds.Count && q1.Vague && qualifier is null)
            {
                qualifier = Q.AtLeast;
            }

            return Emit(claims, start, quantityStart, end, q1.Kind, qualifier, null, null, q1.Value, q1.Unit, q1, q1.Kind, q1);
        }

        private readonly bool IsPronounOne(int i) =>
            (i > 0 && In(PronounOneBefore, W(i - 1))) || Is(i + 1, "of") || Is(i + 1, "another");

        private readonly bool TryRange(Quantity a, Quantity b, out double low, out double high, out string? unit, out string kind)
        {
            low = a.Value;
            high = b.Value;
            unit = b.Unit ?? a.Unit;
            kind = b.Kind;
            if (a.Amount.Ordinal || b.Amount.Ordinal || a.Vague || b.Vague)
            {
                return false;
            }

            // Units must agree where both are given; a bare first bound takes the second's unit and scale.
            if (a.Kind != NumericKinds.Count && b.Kind != NumericKinds.Count && (a.Kind != b.Kind || a.Unit != b.Unit))
            {
                return false;
            }

            if (a.Kind != NumericKinds.Count && b.Kind == NumericKinds.Count)
            {
                kind = a.Kind;
                unit = a.Unit;
            }

            if (!a.Amount.HasScale && b.Amount.HasScale && b.Amount.BaseValue != 0 && a.Amount.Value < b.Amount.BaseValue * 1.0000001 && a.Kind == NumericKinds.Count)
            {
                low = a.Value * (b.Amount.Value / b.Amount.BaseValue);
            }
            else if (a.Kind == NumericKinds.Count && b.Kind == NumericKinds.Money && !a.Amount.HasScale)
            {
                low = a.Value;
            }

            if (b.Amount.LeadingZero || !(high > low))
            {
                return false;
            }

            // Digits and words do not mix in a range ("1 to one").
            return a.Amount.Words == b.Amount.Words || a.Amount.HasScale || b.Amount.HasScale;
        }

        private readonly int Emit(List<NumericClaim> claims, int start, int quantityStart, int end, string kind, string? qualifier,
            double? low, double? high, double? value, string? unit, Quantity last, string boundKind, Quantity first)
        {
            EmitNumeral(first.Amount);
            if (kind == NumericKinds.Range)
            {
                EmitNumeral(last.Amount);
            }

            var counted = boundKind is NumericKinds.Count ? CountedAfter(end, last.Vague || first.Vague, value == 1) : null;
            claims.Add(new NumericClaim
            {
                Start = _t[start].Start,
                End = _t[end - 1].End,
                QuantityStart = _t[quantityStart].Start,
                QuantityEnd = _t[end - 1].End,
                Sentence = _sentence,
                Kind = kind,
                Value = value,
                Low = low,
                High = high,
                Qualifier = qualifier,
                Unit = unit,
                Counted = counted,
                Period = PeriodAfter(end),
            });
            return end;
        }

        private readonly void EmitNumeral(Amount a)
        {
            if (_numerals is null || a.End <= a.Start || a.GluedUnit || a.Ordinal || a.Vague || (a.End < _n && Glued(a.End) && IsWord(a.End)))
            {
                return;
            }

            _numerals.Add(new Numeral(_t[a.Start].Start, _t[a.End - 1].End, a.Value));
        }

        // ---------------------------------------------------------------- context

        private readonly string? CountedAfter(int i, bool vague, bool singular)
        {
            // The head noun after the number, skipping modifiers: "180 such attacks", "1,500–3,000 Islamic State fighters".
            var k = i;
            if (vague && Is(k, "of"))
            {
                k++;
            }

            string? fallback = null;
            for (var n = 0; n < 6 && k < _n; n++, k++)
            {
                var w = W(k);
                if (IsDash(k) && Glued(k))
                {
                    continue;
                }

                if (!IsWord(k) && !(w is "." && Glued(k)))
                {
                    break;
                }

                if (In(PhraseStops, w) && !(w.Length > 1 && IsUpper(w)))
                {
                    if ((Is(k, "of") && n == 0) || ((Is(k, "the") || Is(k, "these") || Is(k, "those") || Is(k, "its") || Is(k, "their")) && Is(k - 1, "of")))
                    {
                        continue;
                    }

                    break;
                }

                if (PluralNoun(k))
                {
                    return w.ToString();
                }

                if (fallback is null && IsWord(k) && !IsCapitalized(k))
                {
                    fallback = w.ToString();
                }

                if (Lookup(PeriodAdverbs, w, out _))
                {
                    break;
                }
            }

            return singular ? fallback : null;
        }

        private readonly string? PeriodAfter(int i)
        {
            var k = i;
            for (var n = 0; n < 7 && k < _n; n++, k++)
            {
                var w = W(k);
                if (Lookup(PeriodAdverbs, w, out var adverb) && !w.Equals("annual", StringComparison.OrdinalIgnoreCase))
                {
                    return adverb;
                }

                if ((Is(k, "a") || Is(k, "an") || Is(k, "per") || Is(k, "each") || Is(k, "every") || W(k) is "/") && Lookup(PeriodNouns, W(k + 1), out var period))
                {
                    var after = W(k + 2);
                    if (after is "ago" or "earlier" or "later" or "before" or "after" or "old" or "long" or "-" || Is(k - 1, "in") || Is(k - 1, "within") || Is(k - 1, "for") || Is(k - 1, "over"))
                    {
                        return null;
                    }

                    return period;
                }

                if (Is(k, "per") && Is(k + 1, "annum"))
                {
                    return "year";
                }

                if (!IsWord(k) || (In(PhraseStops, w) && n > 0))
                {
                    break;
                }
            }

            return null;
        }

        private void AttachContext(List<NumericClaim> claims, int first)
        {
            if (!_contextDone)
            {
                _source = FindSource();
                _dateList = [];
                for (var i = 0; i < _n; i++)
                {
                    if (_dateEnd[i] > 0)
                    {
                        var ts = i;
                        if (i >= 2 && Is(i - 2, "as") && Is(i - 1, "of"))
                        {
                            ts = i - 2;
                        }
                        else if (i >= 1 && In(TimePrepositions, W(i - 1)))
                        {
                            ts = i - 1;
                        }

                        _dateList.Add((i, _dateEnd[i], ts));
                    }
                }

                _contextDone = true;
            }

            var d = 0;
            for (var c = first; c < claims.Count; c++)
            {
                var claim = claims[c];
                string? time = null;
                if (_dateList!.Count > 0)
                {
                    // The nearest date by characters: the list is in order and so are the claims.
                    while (d + 1 < _dateList.Count && Math.Abs(_t[_dateList[d + 1].Start].Start - claim.Start) <= Math.Abs(_t[_dateList[d].Start].Start - claim.Start))
                    {
                        d++;
                    }

                    var (_, dEnd, ts) = _dateList[d];
                    time = _text[_t[ts].Start.._t[dEnd - 1].End];
                }

                if (time is not null || _source is not null)
                {
                    claims[c] = claim with { Time = time, Source = _source };
                }
            }
        }

        private readonly string? FindSource()
        {
            for (var i = 0; i < _n; i++)
            {
                // "according to UN reporting"
                if (Is(i, "according") && Is(i + 1, "to"))
                {
                    var s = i + 2;
                    var e = s;
                    while (e < _n && e - s < 8 && (IsWord(e) || (W(e) is "." or "-" or "'s" or "’s" && Glued(e) && (W(e) is "'s" or "’s" || (e + 1 < _n && Glued(e + 1))))) && !Is(e, "that") && !Is(e, "which"))
                    {
                        e++;
                    }

                    while (e > s && W(e - 1) is "." or "-")
                    {
                        e--;
                    }

                    if (e > s)
                    {
                        return Slice(s, e);
                    }
                }

                // "U.S. officials estimate", "Reuters reported"
                if (i > 0 && In(ReportingVerbs, W(i)) && !IsCapitalized(i))
                {
                    var e = i;
                    var s = i;
                    while (s > 0 && i - s < 6)
                    {
                        var p = s - 1;
                        var w = W(p);
                        if (IsWord(p) && !In(PhraseStops, w))
                        {
                            s = p;
                        }
                        else if (w is "." && Glued(p) && IsWord(p - 1))
                        {
                            s = p;
                        }
                        else
                        {
                            break;
                        }
                    }

                    // The subject must start a clause (sentence start, after a comma or "that"), not be a pronoun.
                    if (s < e && (s == 0 || IsPunct(s - 1) || Is(s - 1, "that") || Is(s - 1, "the")))
                    {
                        if (s < e && W(s) is ".")
                        {
                            s++;
                        }

                        // A lone sentence-initial word ("Attached find …") is a subject only before a verb of saying.
                        var subject = Slice(s, e);
                        var lone = s == 0 && e == s + 1;
                        if (!IsPronoun(subject) && (!lone || In(SayingVerbs, W(i))))
                        {
                            return subject;
                        }
                    }
                }
            }

            return null;
        }

        private static bool IsPronoun(string s) => s.ToLowerInvariant() is "he" or "she" or "it" or "they" or "we" or "i" or "you" or "some" or "others" or "many";
    }
}
