using static ArgMiner.Numbers.Grammar.LexiconLookup;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// Matches one claim at a token: a qualifier, a quantity, a range ("between X and Y", "from X to Y", "X–Y",
/// "X to Y", two opposite qualifiers), a postfix qualifier ("200 or more"), and emits it with its counted noun
/// and period. Bare "one" is a claim only with a qualifier, a unit, a scale or in a range; vague counts
/// ("hundreds of") are at least their smallest value.
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

    public int MatchAt(int i)
    {
        var start = i;
        string? qualifier = null;
        var j = i;

        if (_sentence.WordIs(j, "between") && QuantityReader.TryRead(_sentence, j + 1, out var b1) && _sentence.WordIs(b1.End, "and") && QuantityReader.TryRead(_sentence, b1.End + 1, out var b2)
            && TryRange(b1, b2, out var bLow, out var bHigh, out var bUnit, out var bKind))
        {
            return Emit(start, b1.Start, b2.End, NumericKinds.Range, null, bLow, bHigh, null, bUnit, b2, bKind, b1);
        }

        if (_sentence.WordIs(j, "from") && QuantityReader.TryRead(_sentence, j + 1, out var f1) && (_sentence.WordIs(f1.End, "to") || _sentence.WordIs(f1.End, "through") || _sentence.IsDash(f1.End))
            && QuantityReader.TryRead(_sentence, f1.End + 1, out var f2) && TryRange(f1, f2, out var fLow, out var fHigh, out var fUnit, out var fKind))
        {
            return Emit(start, f1.Start, f2.End, NumericKinds.Range, null, fLow, fHigh, null, fUnit, f2, fKind, f1);
        }

        // "percent of 10", "per cent of twenty-two": the percent word first.
        if (UnitReader.TryReadPercent(_sentence, j, out var pw, out var pUnitFirst) && _sentence.WordIs(pw, "of") && AmountReader.TryRead(_sentence, pw + 1, false, out var pa) && !pa.Ordinal
            && !(j > 0 && (_sentence.Literals[j - 1].Valid || NumberWords.IsCardinal(_sentence, j - 1, out _))))
        {
            var pq = new Quantity { Start = j, End = pa.End, Kind = NumericKinds.Percent, Value = pa.Value, Unit = pUnitFirst, Amount = pa };
            return Emit(j, j, pa.End, NumericKinds.Percent, null, null, null, pa.Value, pUnitFirst, pq, NumericKinds.Percent, pq);
        }

        if (QualifierReader.TryMatch(_sentence, Qualifiers, j, out var q, out var qEnd) && qEnd < _sentence.Count)
        {
            // "over" and "under" are prepositions before years and times ("over 3 years" stays a qualifier).
            qualifier = q;
            j = qEnd;
        }

        // "between 1,500-3,000", "from 10-20": the word belongs to the range only if a range follows.
        var rangeWord = _sentence.WordIs(j, "between") || _sentence.WordIs(j, "from");
        if (rangeWord)
        {
            j++;
        }

        if (!QuantityReader.TryRead(_sentence, j, out var q1))
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
            _claims.Add(new NumericClaim
            {
                Start = _sentence.Tokens[q1.Start].Start,
                End = _sentence.Tokens[q1.End - 1].End,
                QuantityStart = _sentence.Tokens[q1.Start].Start,
                QuantityEnd = _sentence.Tokens[q1.End - 1].End,
                Sentence = _sentence.Index,
                Kind = NumericKinds.Ordinal,
                Value = q1.Value,
            });
            return q1.End;
        }

        // Ranges: "1,500–3,000", "2 to 3 million", "$5-$10", "20 through 100", "20~100".
        var connector = q1.End;
        if (connector < _sentence.Count && (_sentence.IsDash(connector) || _sentence.WordIs(connector, "to") || _sentence.WordIs(connector, "through") || _sentence.Word(connector) is "~")
            && QuantityReader.TryRead(_sentence, connector + 1, out var q2) && TryRange(q1, q2, out var low, out var high, out var rUnit, out var rKind))
        {
            if (_sentence.WordIs(connector, "to") && _sentence.WordIs(start - 1, "from"))
            {
                start--;
            }

            return Emit(start, q1.Start, q2.End, NumericKinds.Range, qualifier, low, high, null, rUnit, q2, rKind, q1);
        }

        if (rangeWord && qualifier is null)
        {
            start = q1.Start;
        }

        var end = q1.End;
        var quantityStart = q1.Start;

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
                    start = q1.Start;
                }

                qualifier = post;
                end = postEnd;
            }
        }

        // Two bounds: "more than 10 and less than 40", "at most 100 and at least 20".
        if (qualifier is not null && (QualifierReader.IsLowerBound(qualifier) || QualifierReader.IsUpperBound(qualifier)) && end < _sentence.Count)
        {
            var k = end;
            if (_sentence.WordIs(k, ","))
            {
                k++;
            }

            if (_sentence.WordIs(k, "and") || _sentence.WordIs(k, "but"))
            {
                k++;
            }

            if (k > end && QualifierReader.TryMatch(_sentence, Qualifiers, k, out var q2q, out var q2End) && (QualifierReader.IsLowerBound(qualifier) ? QualifierReader.IsUpperBound(q2q) : QualifierReader.IsLowerBound(q2q))
                && QuantityReader.TryRead(_sentence, q2End, out var qb) && qb.Kind == q1.Kind && qb.Kind is NumericKinds.Count or NumericKinds.Money or NumericKinds.Percent or NumericKinds.Measure)
            {
                var lo = QualifierReader.IsLowerBound(qualifier) ? q1.Value : qb.Value;
                var hi = QualifierReader.IsLowerBound(qualifier) ? qb.Value : q1.Value;
                var postEnd2 = qb.End;
                if (QualifierReader.TryMatch(_sentence, PostQualifiers, postEnd2, out var p2, out var p2End) && p2 == QualifierNames.Exactly)
                {
                    postEnd2 = p2End;
                }

                if (lo < hi)
                {
                    return Emit(start, q1.Start, postEnd2, NumericKinds.Range, null, lo, hi, null, q1.Unit, qb, q1.Kind, q1);
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
            qualifier = QualifierNames.AtLeast;
        }

        return Emit(start, quantityStart, end, q1.Kind, qualifier, null, null, q1.Value, q1.Unit, q1, q1.Kind, q1);
    }

    private bool IsPronounOne(int i) =>
        (i > 0 && IsIn(PronounOneBefore, _sentence.Word(i - 1))) || _sentence.WordIs(i + 1, "of") || _sentence.WordIs(i + 1, "another");

    private bool TryRange(Quantity a, Quantity b, out double low, out double high, out string? unit, out string kind)
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

    private int Emit(int start, int quantityStart, int end, string kind, string? qualifier,
        double? low, double? high, double? value, string? unit, Quantity last, string boundKind, Quantity first)
    {
        EmitNumeral(first.Amount);
        if (kind == NumericKinds.Range)
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

    private void EmitNumeral(Amount a)
    {
        if (_numerals is null || a.End <= a.Start || a.GluedUnit || a.Ordinal || a.Vague || (a.End < _sentence.Count && _sentence.TouchesPrevious(a.End) && _sentence.StartsWithLetter(a.End)))
        {
            return;
        }

        _numerals.Add(new Numeral(_sentence.Tokens[a.Start].Start, _sentence.Tokens[a.End - 1].End, a.Value));
    }
}
