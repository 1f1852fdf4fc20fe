using static ArgMiner.Numbers.Grammar.LexiconLookup;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// Percent words and measurement units after an amount: "percent", "per cent", "percentage points"; "km",
/// "square kilometres", "metric tons", "barrels", "years"; speeds ("188 miles an hour"); temperatures ("21°C",
/// "70 degF", "30 degrees Celsius"); units in brackets ("20 (kg)"). Ages ("20-year-old")
/// are not measures.
/// </summary>
internal static class UnitReader
{
    /// <summary>
    /// "percent", "per cent", "pct", "percentage", "pc" glued to the number (unit "%") or "percentage points"
    /// (unit "pp") at <paramref name="i"/>.
    /// </summary>
    internal static bool TryReadPercent(in SentenceView sentence, int i, out int end, out string unit)
    {
        end = i;
        unit = "%";
        if (sentence.WordIs(i, "percentage") && (sentence.WordIs(i + 1, "points") || sentence.WordIs(i + 1, "point")))
        {
            end = i + 2;
            unit = "pp";
            return true;
        }

        if (sentence.WordIs(i, "per") && sentence.WordIs(i + 1, "cent"))
        {
            end = i + 2;
            return true;
        }

        if (sentence.WordIs(i, "percent") || sentence.WordIs(i, "percents") || sentence.WordIs(i, "pct") || sentence.WordIs(i, "percentage")
            || (sentence.Word(i) is "pc" && sentence.TouchesPrevious(i)))
        {
            end = i + 1;
            return true;
        }

        return false;
    }

    /// <summary>
    /// A temperature or angle after an amount at <paramref name="i"/>: "°C", "° Celsius", "degF", "degrees
    /// Fahrenheit", "degrees C" (unit "°C" or "°F"), or "°" alone (unit "degrees").
    /// </summary>
    internal static bool TryReadTemperature(in SentenceView sentence, int i, out int end, out string unit)
    {
        end = i;
        unit = "";
        var word = sentence.Word(i);
        if (word.Equals("degF", StringComparison.OrdinalIgnoreCase) || word.Equals("degC", StringComparison.OrdinalIgnoreCase))
        {
            unit = char.ToUpperInvariant(word[^1]) == 'F' ? "°F" : "°C";
            end = i + 1;
            return true;
        }

        var sign = word is "°" or "º";
        if (!sign && !(word.Equals("degrees", StringComparison.OrdinalIgnoreCase) || word.Equals("degree", StringComparison.OrdinalIgnoreCase) || word.Equals("deg", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var scale = sentence.Word(i + 1);
        if ((scale is "C" && (sign ? sentence.TouchesPrevious(i + 1) : true)) || scale.Equals("celsius", StringComparison.OrdinalIgnoreCase) || scale.Equals("centigrade", StringComparison.OrdinalIgnoreCase))
        {
            unit = "°C";
        }
        else if ((scale is "F" && (sign ? sentence.TouchesPrevious(i + 1) : true)) || scale.Equals("fahrenheit", StringComparison.OrdinalIgnoreCase))
        {
            unit = "°F";
        }
        else if (sign)
        {
            unit = "degrees";
            end = i + 1;
            return true;
        }
        else
        {
            return false;
        }

        end = i + 2;
        return true;
    }

    /// <summary>
    /// An inch mark at <paramref name="i"/>: a straight or double-prime quote glued to the digits before it, with a
    /// word after it ("17\" wheels", "a 42\" TV", "17\" or 16\""), that closes no quotation opened earlier in the
    /// sentence ("the \"207\" number" is a quote).
    /// </summary>
    private static bool IsInchMark(in SentenceView sentence, int i)
    {
        var mark = sentence.Word(i);
        if (!(mark is "\"" or "\u2033") || !sentence.FollowsNumber(i)
            || i + 1 >= sentence.Count || sentence.TouchesPrevious(i + 1) || !(sentence.StartsWithLetter(i + 1) || sentence.Literals[i + 1].Valid))
        {
            return false;
        }

        // Quotation marks before it, other inch marks not counted.
        var quotes = 0;
        for (var k = 0; k < i; k++)
        {
            quotes += sentence.Word(k) is "\"" && !sentence.FollowsNumber(k) ? 1 : 0;
        }

        return quotes % 2 == 0;
    }

    /// <summary>
    /// A measurement unit after an amount at <paramref name="i"/> (with a hyphen or a prefix such as "square",
    /// "metric"); speeds become "mph" or "km/h"; ages ("20-year-old", "5 years old") are not measures.
    /// </summary>
    internal static bool TryReadAfter(in SentenceView sentence, int i, out int end, out string unit)
    {
        if (TryReadTemperature(sentence, i, out end, out unit))
        {
            return true;
        }

        // "20 (kg)", "20 [kg]": a unit in brackets, as tables write it.
        var close = sentence.Word(i) switch { "(" => ")", "[" => "]", "{" => "}", _ => null };
        if (close is not null && sentence.Word(i + 2).SequenceEqual(close) && sentence.TouchesPrevious(i + 1) && sentence.TouchesPrevious(i + 2)
            && TryReadAfter(sentence, i + 1, out var inside, out unit) && inside == i + 2)
        {
            end = i + 3;
            return true;
        }

        end = i;
        unit = "";
        if (IsInchMark(sentence, i))
        {
            unit = "in";
            end = i + 1;
            return true;
        }

        var k = i;
        var hyphen = false;
        if (sentence.IsDash(k) && sentence.TouchesPrevious(k) && sentence.TouchesPrevious(k + 1))
        {
            k++;
            hyphen = true;
        }

        var prefix = "";
        if (TryLookup(UnitPrefixes, sentence.Word(k), out var prefixUnit) && k + 1 < sentence.Count && TryLookup(Units, sentence.Word(k + 1), out _))
        {
            prefix = prefixUnit;
            k++;
        }

        if (k >= sentence.Count || !sentence.StartsWithLetter(k) && !sentence.Word(k).SequenceEqual("μg"))
        {
            return false;
        }

        var word = sentence.Word(k);
        if (!TryLookup(Units, word, out var unitName))
        {
            return false;
        }

        // "m" and "g" stand alone only right after the number; "20-year-old" is an age, not a claim.
        if ((word is "m" or "g" or "in" or "ha" or "t" or "mi") && (hyphen || prefix.Length > 0))
        {
            return false;
        }

        if (word.Equals("in", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // "one second hand", "a second-hand car": second-hand goods, not a time.
        if (unitName == "second" && (sentence.WordIs(k + 1, "hand") || (sentence.IsDash(k + 1) && sentence.WordIs(k + 2, "hand"))))
        {
            return false;
        }

        if ((hyphen && sentence.IsDash(k + 1) && sentence.WordIs(k + 2, "old")) || (unitName is "year" or "month" or "week" or "day" && sentence.WordIs(k + 1, "old")))
        {
            return false;
        }

        // Speeds: "188 miles an hour", "10 kilometers per hour".
        if (unitName is "miles" or "km" && (sentence.WordIs(k + 1, "an") || sentence.WordIs(k + 1, "per") || sentence.WordIs(k + 1, "a")) && sentence.WordIs(k + 2, "hour"))
        {
            unit = prefix + (unitName == "miles" ? "mph" : "km/h");
            end = k + 3;
            return true;
        }

        unit = prefix + unitName;
        end = k + 1;
        return true;
    }
}
