using ArgMiner.Text;
using static ArgMiner.Numbers.Grammar.LexiconLookup;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// Matches one claim at a token: a qualifier, a quantity, a range ("between X and Y", "from X to Y", "X–Y",
/// "X to Y", two opposite qualifiers), a change ("rose from 40 to 55", "rose to 68% from 61%"; see
/// <see cref="ChangeFinder"/>), a fraction or multiplier (<see cref="ProportionReader"/>), a postfix qualifier
/// ("200 or more"), and emits it with its counted noun and period. Bare "one" is a claim only with a qualifier, a
/// unit, a scale or in a range; vague counts ("hundreds of", "tens of thousands") are ranges of one order of
/// magnitude.
/// </summary>
internal readonly ref struct ClaimMatcher
{
    private readonly SentenceView _sentence;
    private readonly List<NumericClaim> _claims;
    private readonly List<Numeral>? _numerals;

    /// <summary>A matcher that appends to <paramref name="claims"/> and, when given, <paramref name="numerals"/>.</summary>
    public ClaimMatcher(in SentenceView sentence, List<NumericClaim> claims, List<Numeral>? numerals)
    {
        _sentence = sentence;
        _claims = claims;
        _numerals = numerals;
    }

    /// <summary>
    /// Matches a claim starting at token <paramref name="i"/> and appends it (and its numerals); returns the
    /// token after what was read, or a token at or before <paramref name="i"/> when nothing was (the caller
    /// then moves one token on).
    /// </summary>
    public int MatchAt(int i)
    {
        var start = i;
        string? qualifier = null;
        var j = i;

        if (_sentence.WordIs(j, "between") && QuantityReader.TryRead(_sentence, j + 1, out var betweenLow) && _sentence.WordIs(betweenLow.End, "and") && QuantityReader.TryRead(_sentence, betweenLow.End + 1, out var betweenHigh)
            && TryRange(betweenLow, betweenHigh, out var betweenLowValue, out var betweenHighValue, out var betweenUnit, out var betweenKind))
        {
            return Emit(start, betweenLow.Start, betweenHigh.End, NumericKinds.Range, null, betweenLowValue, betweenHighValue, null, betweenUnit, betweenHigh, betweenKind, betweenLow);
        }

        if (_sentence.WordIs(j, "from") && QuantityReader.TryRead(_sentence, j + 1, out var fromLow) && (_sentence.WordIs(fromLow.End, "to") || _sentence.WordIs(fromLow.End, "through") || _sentence.IsDash(fromLow.End))
            && QuantityReader.TryRead(_sentence, fromLow.End + 1, out var fromHigh))
        {
            // "rose from 40 to 55", "from 55 to 40": a change from one level to another; "estimates run from 10
            // to 20": a range.
            if (_sentence.WordIs(fromLow.End, "to") && TryBounds(fromLow, fromHigh, true, out var before, out var after, out var changeUnit, out var changeKind)
                && before != after && (after < before || ChangeFinder.Before(_sentence, j)))
            {
                return Emit(start, fromLow.Start, fromHigh.End, ClaimKinds.Change, null, before, after, null, changeUnit, fromHigh, changeKind, fromLow);
            }

            if (TryRange(fromLow, fromHigh, out var fromLowValue, out var fromHighValue, out var fromUnit, out var fromKind))
            {
                return Emit(start, fromLow.Start, fromHigh.End, NumericKinds.Range, null, fromLowValue, fromHighValue, null, fromUnit, fromHigh, fromKind, fromLow);
            }
        }

        // "a day or two", "a mile or two": one or two of the unit, a range.
        if ((_sentence.WordIs(j, "a") || _sentence.WordIs(j, "an")) && _sentence.WordIs(j + 2, "or") && _sentence.WordIs(j + 3, "two")
            && TryLookup(Units, _sentence.Word(j + 1), out var pairUnit) && !_sentence.Word(j + 1).EndsWith("s", StringComparison.Ordinal))
        {
            _claims.Add(new NumericClaim
            {
                Start = _sentence.Tokens[j].Start,
                End = _sentence.Tokens[j + 3].End,
                QuantityStart = _sentence.Tokens[j].Start,
                QuantityEnd = _sentence.Tokens[j + 3].End,
                Sentence = _sentence.Index,
                Kind = NumericKinds.Range,
                Low = 1,
                High = 2,
                Unit = pairUnit,
            });
            return j + 4;
        }

        // "percent of 10", "per cent of twenty-two": the percent word first.
        if (UnitReader.TryReadPercent(_sentence, j, out var percentEnd, out var percentUnit) && _sentence.WordIs(percentEnd, "of") && AmountReader.TryRead(_sentence, percentEnd + 1, false, out var percentAmount) && !percentAmount.Ordinal
            && !(j > 0 && (_sentence.Literals[j - 1].Valid || NumberWords.IsCardinal(_sentence, j - 1, out _))))
        {
            var percentQuantity = new Quantity { Start = j, End = percentAmount.End, Kind = NumericKinds.Percent, Value = percentAmount.Value, Unit = percentUnit, Amount = percentAmount };
            return Emit(j, j, percentAmount.End, NumericKinds.Percent, null, null, null, percentAmount.Value, percentUnit, percentQuantity, NumericKinds.Percent, percentQuantity);
        }

        if (QualifierReader.TryMatch(_sentence, Qualifiers, j, out var found, out var qualifierEnd) && qualifierEnd < _sentence.Count)
        {
            // "over" and "under" are prepositions before years and times ("over 3 years" stays a qualifier).
            qualifier = found;
            j = qualifierEnd;
        }

        // "between 1,500-3,000", "from 10-20": the word belongs to the range only if a range follows.
        var rangeWord = _sentence.WordIs(j, "between") || _sentence.WordIs(j, "from");
        if (rangeWord)
        {
            j++;
        }

        // Fractions and multipliers: "a third of", "more than half", "one in five", "threefold", "three times as many".
        if (!rangeWord && ProportionReader.TryReadFraction(_sentence, j, qualifier is not null, out var share, out var shareEnd))
        {
            return EmitProportion(start, j, shareEnd, ClaimKinds.Fraction, qualifier, share);
        }

        if (!rangeWord && ProportionReader.TryReadMultiplier(_sentence, j, out var factor, out var factorEnd))
        {
            return EmitProportion(start, j, factorEnd, ClaimKinds.Multiplier, qualifier, factor);
        }

        if (!QuantityReader.TryRead(_sentence, j, out var quantity))
        {
            return i + 1;
        }

        if (quantity.Kind == NumericKinds.Ordinal)
        {
            if (qualifier is not null)
            {
                return j;
            }

            EmitNumeral(quantity.Amount);
            _claims.Add(new NumericClaim
            {
                Start = _sentence.Tokens[quantity.Start].Start,
                End = _sentence.Tokens[quantity.End - 1].End,
                QuantityStart = _sentence.Tokens[quantity.Start].Start,
                QuantityEnd = _sentence.Tokens[quantity.End - 1].End,
                Sentence = _sentence.Index,
                Kind = NumericKinds.Ordinal,
                Value = quantity.Value,
            });
            return quantity.End;
        }

        // "rose to 68% from 61%": a change, the level after first.
        if (qualifier is null && _sentence.WordIs(quantity.Start - 1, "to") && _sentence.WordIs(quantity.End, "from") && ChangeFinder.Before(_sentence, quantity.Start - 1)
            && QuantityReader.TryRead(_sentence, quantity.End + 1, out var earlier) && TryBounds(earlier, quantity, true, out var from, out var to, out var toUnit, out var toKind) && from != to)
        {
            return Emit(quantity.Start, quantity.Start, earlier.End, ClaimKinds.Change, null, from, to, null, toUnit, earlier, toKind, quantity);
        }

        // Ranges: "1,500–3,000", "2 to 3 million", "$5-$10", "20 through 100", "20~100"; but "rose 3% to 5.1%"
        // and "fell 30 to 7,400" are a change and the level it reached.
        var connector = quantity.End;
        if (connector < _sentence.Count && (_sentence.IsDash(connector) || _sentence.WordIs(connector, "to") || _sentence.WordIs(connector, "through") || _sentence.Word(connector) is "~")
            && QuantityReader.TryRead(_sentence, connector + 1, out var upper) && TryRange(quantity, upper, out var low, out var high, out var rangeUnit, out var rangeKind)
            && !(qualifier is null && _sentence.WordIs(connector, "to") && IsChangeThenLevel(quantity, upper, low, high))
            && !(_sentence.WordIs(connector, "to") && CodeMarker.VoteWordBefore(_sentence, quantity.Start)))
        {
            if (_sentence.WordIs(connector, "to") && _sentence.WordIs(start - 1, "from"))
            {
                start--;
            }

            return Emit(start, quantity.Start, upper.End, NumericKinds.Range, qualifier, low, high, null, rangeUnit, upper, rangeKind, quantity);
        }

        if (rangeWord && qualifier is null)
        {
            start = quantity.Start;
        }

        var end = quantity.End;
        var quantityStart = quantity.Start;

        // Postfix: "200 or more", "five hundred and more", "more than 5000 or equal to".
        if (QualifierReader.TryMatch(_sentence, PostQualifiers, end, out var post, out var postEnd) && !_sentence.WordIs(postEnd, "than")
            && !(postEnd < _sentence.Count && (_sentence.Literals[postEnd].Valid || NumberWords.IsCardinal(_sentence, postEnd, out _))))
        {
            if (post == QualifierNames.Exactly)
            {
                if (qualifier == QualifierNames.MoreThan)
                {
                    qualifier = QualifierNames.AtLeast;
                    end = postEnd;
                }
                else if (qualifier == QualifierNames.LessThan)
                {
                    qualifier = QualifierNames.AtMost;
                    end = postEnd;
                }
            }
            else if (qualifier is null or QualifierNames.Approximately or QualifierNames.Exactly)
            {
                if (qualifier == QualifierNames.Approximately)
                {
                    start = quantity.Start;
                }

                qualifier = post;
                end = postEnd;
            }
        }

        // Two bounds: "more than 10 and less than 40", "at most 100 and at least 20".
        if (qualifier is not null && (QualifierReader.IsLowerBound(qualifier) || QualifierReader.IsUpperBound(qualifier)) && end < _sentence.Count)
        {
            var next = end;
            if (_sentence.WordIs(next, ","))
            {
                next++;
            }

            if (_sentence.WordIs(next, "and") || _sentence.WordIs(next, "but"))
            {
                next++;
            }

            if (next > end && QualifierReader.TryMatch(_sentence, Qualifiers, next, out var otherQualifier, out var otherQualifierEnd) && (QualifierReader.IsLowerBound(qualifier) ? QualifierReader.IsUpperBound(otherQualifier) : QualifierReader.IsLowerBound(otherQualifier))
                && QuantityReader.TryRead(_sentence, otherQualifierEnd, out var otherBound) && otherBound.Kind == quantity.Kind && otherBound.Kind is NumericKinds.Count or NumericKinds.Money or NumericKinds.Percent or NumericKinds.Measure)
            {
                var lowBound = QualifierReader.IsLowerBound(qualifier) ? quantity.Value : otherBound.Value;
                var highBound = QualifierReader.IsLowerBound(qualifier) ? otherBound.Value : quantity.Value;
                var boundsEnd = otherBound.End;
                if (QualifierReader.TryMatch(_sentence, PostQualifiers, boundsEnd, out var closing, out var closingEnd) && closing == QualifierNames.Exactly)
                {
                    boundsEnd = closingEnd;
                }

                if (lowBound < highBound)
                {
                    return Emit(start, quantity.Start, boundsEnd, NumericKinds.Range, null, lowBound, highBound, null, quantity.Unit, otherBound, quantity.Kind, quantity);
                }
            }
        }

        // "One day the war will end", "until one night": the indefinite "one", no span of time.
        if (quantity.Amount.BareOne && quantity.Kind == NumericKinds.Measure && qualifier is null && IsIn(IndefiniteTimes, _sentence.Word(quantity.Amount.End)) && !_sentence.Word(quantity.End).EndsWith("s", StringComparison.Ordinal)
            && (quantity.Start == 0 || _sentence.IsPunctuation(quantity.Start - 1) || IsIn(ClauseOpeners, _sentence.Word(quantity.Start - 1))))
        {
            return quantity.End;
        }

        // Bare "one" is a pronoun or determiner ("one of the most serious", "the one region", "as high as one would
        // expect"): only a claim with a qualifier other than "as … as", a unit, a scale or in a range.
        if (quantity.Amount.BareOne && quantity.Kind == NumericKinds.Count && qualifier is not null && _sentence.WordIs(start, "as"))
        {
            return quantity.End;
        }

        if (quantity.Amount.BareOne && quantity.Kind == NumericKinds.Count && qualifier is null)
        {
            if (IsPronounOne(quantity.Amount.Start))
            {
                return quantity.End;
            }

            if (!IsCountingOne(quantity.Amount.Start))
            {
                EmitNumeral(quantity.Amount);
                return quantity.End;
            }
        }

        // "hundreds of", "several thousand", "tens of thousands", "millions of dollars": an order of magnitude,
        // its bounds a range.
        if (quantity.Vague && quantity.Amount.VagueHigh > 0)
        {
            return Emit(start, quantityStart, end, NumericKinds.Range, qualifier, quantity.Value, quantity.Amount.VagueHigh, null, quantity.Unit, quantity, quantity.Kind, quantity);
        }

        return Emit(start, quantityStart, end, quantity.Kind, qualifier, null, null, quantity.Value, quantity.Unit, quantity, quantity.Kind, quantity);
    }

    /// <summary>
    /// "one" at <paramref name="i"/> used as a pronoun or determiner ("the one", "one of", "one another").
    /// </summary>
    private bool IsPronounOne(int i) =>
        (i > 0 && IsIn(PronounOneBefore, _sentence.Word(i - 1))) || _sentence.WordIs(i + 1, "of") || _sentence.WordIs(i + 1, "another");

    /// <summary>
    /// "one" at <paramref name="i"/> that counts rather than determines: "one more" ("one more seat") and a toll
    /// ("one soldier was killed", "left one person dead", "killed one policeman"): a word of casualty or arrest
    /// (<see cref="TollWords"/>) right before "one", or within six tokens after it in the same clause.
    /// </summary>
    private bool IsCountingOne(int i)
    {
        if (_sentence.WordIs(i + 1, "more") || (i > 0 && IsIn(TollWords, _sentence.Word(i - 1))))
        {
            return true;
        }

        for (var k = i + 1; k < _sentence.Count && k <= i + 6; k++)
        {
            var word = _sentence.Word(k);
            if (IsIn(TollWords, word))
            {
                return true;
            }

            // The clause ends at punctuation other than an abbreviation's point ("U.S."), a conjunction or a relative.
            if ((_sentence.IsPunctuation(k) && word is not ".") || word is "and" or "or" or "but" or "who" or "which" or "that" or "while" or "after" or "before")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// "rose 3% to 5.1%", "increased by 4 to 120", "fell 30 to 7,400": after a word of change, an amount with its
    /// own unit (or two bare counts) followed by "to" and a much larger one, or after "by", is the change and
    /// the level it reached; "rise 2 to 3 percent" (the first bound borrows the unit) stays a range.
    /// </summary>
    private bool IsChangeThenLevel(Quantity lower, Quantity upper, double low, double high) =>
        ChangeFinder.RightBefore(_sentence, lower.Start, out var by) && (lower.Kind != NumericKinds.Count || upper.Kind == NumericKinds.Count) && (by || high >= 3 * low);

    // Two quantities as the bounds of a range: units must agree, the high bound must exceed the low one.
    private bool TryRange(Quantity lower, Quantity upper, out double low, out double high, out string? unit, out string kind) =>
        TryBounds(lower, upper, false, out low, out high, out unit, out kind) && !upper.Amount.LeadingZero && high > low;

    /// <summary>
    /// Two quantities as the bounds of a range or the levels of a change (<paramref name="change"/>): units must
    /// agree, a bare first bound takes the second's unit and scale ("2 to 3 million dollars"; for a change, a
    /// bare first level below 1000: "from 2 to 3 million"); digits and words do not mix.
    /// </summary>
    private static bool TryBounds(Quantity lower, Quantity upper, bool change, out double low, out double high, out string? unit, out string kind)
    {
        low = lower.Value;
        high = upper.Value;
        unit = upper.Unit ?? lower.Unit;
        kind = upper.Kind;
        if (lower.Amount.Ordinal || upper.Amount.Ordinal || upper.Vague)
        {
            return false;
        }

        // "from several hundred to 3,000": a vague first bound gives its low end; not a change's level.
        if (lower.Vague)
        {
            return !change && lower.Kind == upper.Kind && lower.Unit == upper.Unit && upper.Value > lower.Value;
        }

        // Units must agree where both are given; a bare first bound takes the second's unit and scale.
        if (lower.Kind != NumericKinds.Count && upper.Kind != NumericKinds.Count && (lower.Kind != upper.Kind || lower.Unit != upper.Unit))
        {
            return false;
        }

        // "$5-10" shares the currency; "3% to 120" is no range.
        if (lower.Kind != NumericKinds.Count && upper.Kind == NumericKinds.Count)
        {
            if (lower.Kind != NumericKinds.Money)
            {
                return false;
            }

            kind = lower.Kind;
            unit = lower.Unit;
        }

        if (!lower.Amount.HasScale && upper.Amount.HasScale && upper.Amount.BaseValue != 0 && lower.Kind == NumericKinds.Count
            && (change ? Math.Abs(lower.Amount.Value) < 1000 : lower.Amount.Value < upper.Amount.BaseValue * 1.0000001))
        {
            low = lower.Value * (upper.Amount.Value / upper.Amount.BaseValue);
        }

        // Digits and words do not mix in a range ("1 to one").
        return lower.Amount.Words == upper.Amount.Words || lower.Amount.HasScale || upper.Amount.HasScale;
    }

    // Appends a claim over tokens [start, end) and the numerals of its bound(s); returns end.
    private int Emit(int start, int quantityStart, int end, string kind, string? qualifier,
        double? low, double? high, double? value, string? unit, Quantity last, string boundKind, Quantity first)
    {
        EmitNumeral(first.Amount);
        if (kind is NumericKinds.Range or ClaimKinds.Change)
        {
            EmitNumeral(last.Amount);
        }

        var counted = boundKind is NumericKinds.Count ? CountedNounFinder.After(_sentence, end, last.Vague || first.Vague, value == 1) : null;
        _claims.Add(new NumericClaim
        {
            Start = _sentence.Tokens[start].Start,
            End = _sentence.Tokens[end - 1].End,
            QuantityStart = _sentence.Tokens[quantityStart].Start,
            QuantityEnd = _sentence.Tokens[end - 1].End,
            Sentence = _sentence.Index,
            Kind = kind,
            Value = value,
            Low = low,
            High = high,
            Qualifier = qualifier,
            Unit = unit,
            Counted = counted,
            Period = RatePeriodFinder.After(_sentence, end),
        });
        return end;
    }

    /// <summary>
    /// Appends a fraction or a multiplier over tokens [<paramref name="start"/>, <paramref name="end"/>) (the
    /// qualifier from <paramref name="start"/>, the amount from <paramref name="quantityStart"/>); a fraction's
    /// counted noun comes after it ("a third of voters", "one in five adults"). No numeral: Recognizers' number model reads
    /// fractions otherwise. Returns end.
    /// </summary>
    private int EmitProportion(int start, int quantityStart, int end, string kind, string? qualifier, double value)
    {
        _claims.Add(new NumericClaim
        {
            Start = _sentence.Tokens[start].Start,
            End = _sentence.Tokens[end - 1].End,
            QuantityStart = _sentence.Tokens[quantityStart].Start,
            QuantityEnd = _sentence.Tokens[end - 1].End,
            Sentence = _sentence.Index,
            Kind = kind,
            Value = value,
            Qualifier = qualifier,
            Counted = kind == ClaimKinds.Fraction ? CountedNounFinder.After(_sentence, end, true, false) : null,
        });
        return end;
    }

    private void EmitNumeral(Amount amount)
    {
        if (_numerals is null || amount.End <= amount.Start || amount.GluedUnit || amount.Ordinal || amount.Vague || (amount.End < _sentence.Count && _sentence.TouchesPrevious(amount.End) && _sentence.StartsWithLetter(amount.End)))
        {
            return;
        }

        _numerals.Add(new Numeral(_sentence.Tokens[amount.Start].Start, _sentence.Tokens[amount.End - 1].End, amount.Value));
    }
}
