using System.Globalization;
using System.Text.Json;
using ArgMiner.Text;
using ArgMiner.Tokenization;

namespace ArgMiner.Numbers.Evaluation;

/// <summary>The score of one Microsoft.Recognizers.Text spec file.</summary>
/// <param name="File">The file name ("NumberModel.json").</param>
/// <param name="Total">Cases in the file.</param>
/// <param name="InScope">Cases ArgMiner claims to handle (see <see cref="RecognizersSpecEvaluation"/>).</param>
/// <param name="Passed">In-scope cases whose every span and value came out right.</param>
/// <param name="Failures">One line per failed in-scope case: input, expected, got.</param>
/// <param name="Exclusions">Out-of-scope cases counted by reason.</param>
public sealed record SpecFileResult(string File, int Total, int InScope, int Passed, IReadOnlyList<string> Failures, IReadOnlyDictionary<string, int> Exclusions)
{
    /// <summary>Passed over in scope, 0 when nothing is in scope.</summary>
    public double PassRate => InScope == 0 ? 0 : (double)Passed / InScope;
}

/// <summary>
/// Scores the numbers grammar against the English test specifications of Microsoft.Recognizers.Text (a peer's
/// test suite; the library itself does not restore here, so ArgMiner hand-writes what it would do).
/// </summary>
/// <remarks>
/// <para>Each case's input is tokenized with the given tokenizer and read as one sentence. A case passes when
/// ArgMiner's mentions of the file's kind, in text order, have exactly the expected texts (ignoring case) and
/// values (compared as numbers, relative tolerance 1e-9).</para>
/// <para>What is compared, per file: NumberModel, the bare numerals (<see cref="Numeral"/>); PercentModel, the
/// quantity span of percent claims, value in percent (35 for "35%"); CurrencyModel, the quantity span of money
/// claims, the value in whole units (the spec's cents and pence are divided by 100, since ArgMiner normalises
/// "50 cents" to 0.5 USD) and the ISO code when the spec gives one; NumberRangeModel, the whole span of ranges
/// and of qualified claims, mapped to intervals: more_than (v,), at_least [v,), less_than (,v), at_most (,v],
/// exactly [v,v], a range [low,high) (for two-sided intervals only the end points are compared: ArgMiner does not
/// say whether a range includes its ends); OrdinalModel, ordinal claims and their values; DimensionModel, the
/// quantity span and value of measures other than durations; DateExtractor and DatePeriodExtractor, the date
/// spans' texts.</para>
/// <para>Scope. Out: cases the reference .NET implementation itself marks NotSupported ("dotnet"); and cases
/// whose expected results need what ArgMiner does not claim: fractions and ratios ("two thirds", "1/4", "one
/// over three", "half", "2 in 5"; the grammar reads many as claims of kind fraction, but emits no numeral for
/// them), powers and scientific notation, Indian numbering (lakh, crore, 12,34,567),
/// digits grouped by spaces ("1 234 567": a token never holds white space), comparison symbols (&gt;, &lt;, =,
/// ~), ranks as range bounds ("between the tenth and the fifteenth"), relative ordinals ("next", "last"),
/// currency names without an amount, and, for dates, anything but absolute calendar dates (relative dates,
/// weekdays, holidays, durations).</para>
/// </remarks>
public static class RecognizersSpecEvaluation
{
    private static readonly string[] FractionWords =
    [
        "half", "halves", "quarter", "quarters", "third", "thirds", "fourth", "fourths", "fifth", "fifths", "sixth",
        "eighth", "eighths", "ninths", "tenth", "hundredth", "hundredths", "thousandth", "millionth", "millionths",
        "trillionth", "trillionths", " over ", "out of", "/", "½", "⅔", "¾", "⅙", "fifteenth", "twentieth", "thirtieth",
        "twenty-firsts", "twenty firsts", "twenty-first", "twenty-fifth",
    ];

    private static readonly string[] MonthWords =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];

    private static readonly string[] DateFunctionWords = ["of", "the", "early", "mid", "late", "in"];

    /// <summary>
    /// Scores every known spec file under <paramref name="root"/> (searched recursively), in name order. A file that
    /// cannot be read as a spec list goes to <paramref name="skipped"/> (its path and why) and the others are scored;
    /// without <paramref name="skipped"/> it throws as <see cref="EvaluateFile"/> does.
    /// </summary>
    public static IReadOnlyList<SpecFileResult> EvaluateDirectory(string root, ITokenizer tokenizer, Action<string, string>? skipped = null)
    {
        var results = new List<SpecFileResult>();
        foreach (var path in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (ModelOf(name) is null)
            {
                continue;
            }

            try
            {
                results.Add(EvaluateFile(path, tokenizer));
            }
            catch (Exception ex) when (skipped is not null && IsSpecError(ex))
            {
                skipped(path, ex.Message);
            }
        }

        return results;
    }

    /// <summary>Whether <paramref name="ex"/> says a spec file cannot be read or is not a spec list (not a bug).</summary>
    public static bool IsSpecError(Exception ex) =>
        ex is IOException or FormatException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException;

    /// <summary>Scores one spec file; throws <see cref="FormatException"/> when it is not a spec list.</summary>
    public static SpecFileResult EvaluateFile(string path, ITokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tokenizer);
        var name = Path.GetFileNameWithoutExtension(path);
        var model = ModelOf(name) ?? throw new FormatException("not a known spec file");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        if (json.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("expected a JSON list of cases");
        }

        int total = 0, inScope = 0, passed = 0;
        var failures = new List<string>();
        var exclusions = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in json.RootElement.EnumerateArray())
        {
            total++;
            var input = c.GetProperty("Input").GetString() ?? "";
            var expected = ReadExpected(c, model);
            var reason = ExclusionReason(c, model, expected);
            if (reason is not null)
            {
                exclusions[reason] = exclusions.GetValueOrDefault(reason) + 1;
                continue;
            }

            inScope++;
            var actual = Extract(input, model, tokenizer);
            if (Matches(expected, actual))
            {
                passed++;
            }
            else
            {
                failures.Add($"{input} | expected {Show(expected)} | got {Show(actual)}");
            }
        }

        return new SpecFileResult(Path.GetFileName(path), total, inScope, passed, failures, exclusions);
    }

    private enum Model
    {
        Number,
        NumberRange,
        Ordinal,
        Percent,
        Currency,
        Dimension,
        Date,
    }

    private sealed record Mention(string Text, double? Low, double? High, bool LowOpen, bool HighOpen, string? Code)
    {
        public double? Value => Low;
    }

    private static Model? ModelOf(string name) => name switch
    {
        "NumberModel" => Model.Number,
        "NumberRangeModel" => Model.NumberRange,
        "OrdinalModel" => Model.Ordinal,
        "PercentModel" => Model.Percent,
        "CurrencyModel" => Model.Currency,
        "DimensionModel" => Model.Dimension,
        "DateExtractor" or "DatePeriodExtractor" => Model.Date,
        _ => null,
    };

    private static List<Mention> ReadExpected(JsonElement c, Model model)
    {
        var list = new List<Mention>();
        if (!c.TryGetProperty("Results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            return list;
        }

        foreach (var r in results.EnumerateArray())
        {
            var text = r.TryGetProperty("Text", out var t) ? t.GetString() ?? "" : "";
            var res = r.TryGetProperty("Resolution", out var rr) && rr.ValueKind == JsonValueKind.Object ? rr : default;
            string? value = res.ValueKind == JsonValueKind.Object && res.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (model == Model.Date)
            {
                list.Add(new Mention(text, null, null, false, false, null));
                continue;
            }

            if (model == Model.NumberRange && value is not null)
            {
                list.Add(ParseInterval(text, value));
                continue;
            }

            double? number = null;
            if (value is not null && double.TryParse(value.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                number = d;
            }

            string? code = null;
            if (model == Model.Currency && res.ValueKind == JsonValueKind.Object)
            {
                code = res.TryGetProperty("isoCurrency", out var iso) ? iso.GetString() : null;
                var unit = res.TryGetProperty("unit", out var u) ? u.GetString() : null;
                if (number is not null && unit is "Cent" or "Pence" or "Penny")
                {
                    number /= 100;
                }
            }

            list.Add(new Mention(text, number, number, false, false, code));
        }

        return list;
    }

    private static Mention ParseInterval(string text, string value)
    {
        // "(20,35]", "[30,)", "(,100]"
        var lowOpen = value.StartsWith('(');
        var highOpen = value.EndsWith(')');
        var inner = value[1..^1];
        var comma = inner.IndexOf(',', StringComparison.Ordinal);
        var lo = inner[..comma];
        var hi = inner[(comma + 1)..];
        double? low = lo.Length == 0 ? null : double.Parse(lo, CultureInfo.InvariantCulture);
        double? high = hi.Length == 0 ? null : double.Parse(hi, CultureInfo.InvariantCulture);
        return new Mention(text, low, high, lowOpen, highOpen, null);
    }

    private static string? ExclusionReason(JsonElement c, Model model, List<Mention> expected)
    {
        if (c.TryGetProperty("NotSupported", out var ns) && (ns.GetString() ?? "").Contains("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return "not supported by the reference .NET implementation";
        }

        foreach (var r in c.GetProperty("Results").EnumerateArray())
        {
            var subtype = r.TryGetProperty("Resolution", out var res) && res.ValueKind == JsonValueKind.Object && res.TryGetProperty("subtype", out var st) ? st.GetString() : null;
            if (subtype == "fraction")
            {
                return "fractions and ratios";
            }

            if (subtype == "power")
            {
                return "powers and scientific notation";
            }

            if (r.TryGetProperty("TypeName", out var tn) && tn.GetString() == "ordinal.relative")
            {
                return "relative ordinals";
            }
        }

        foreach (var m in expected)
        {
            var t = m.Text.ToLowerInvariant();
            if (t.Contains("lakh", StringComparison.Ordinal) || t.Contains("crore", StringComparison.Ordinal) || IndianGrouping(t))
            {
                return "Indian numbering";
            }

            if (t.IndexOfAny(['<', '>', '=', '~']) >= 0)
            {
                return "comparison symbols";
            }

            if (SpaceGrouped(t))
            {
                return "digits grouped by spaces";
            }

            if (model != Model.Ordinal && model != Model.Date && FractionWords.Any(f => t.Contains(f, StringComparison.Ordinal)))
            {
                return model == Model.NumberRange && (t.Contains("tenth", StringComparison.Ordinal) || t.Contains("fifteenth", StringComparison.Ordinal)) ? "ranks as range bounds" : "fractions and ratios";
            }

            if (model == Model.NumberRange && t.Contains(" in ", StringComparison.Ordinal))
            {
                return "fractions and ratios";
            }

            if (model is Model.Currency or Model.Percent or Model.Dimension && m.Value is null)
            {
                return "unit names without an amount";
            }

            if (model == Model.Date && !AbsoluteDate(t))
            {
                return "not an absolute calendar date";
            }
        }

        return null;
    }

    private static bool IndianGrouping(string t)
    {
        // "12,34,567": a two-digit group between commas.
        for (var i = 0; i + 3 < t.Length; i++)
        {
            if (t[i] == ',' && char.IsAsciiDigit(t[i + 1]) && char.IsAsciiDigit(t[i + 2]) && t[i + 3] == ',')
            {
                return true;
            }
        }

        return false;
    }

    private static bool SpaceGrouped(string t)
    {
        // "1 234 567", "40 000": digits, a space, then exactly three digits.
        for (var i = 1; i + 3 < t.Length; i++)
        {
            if (char.IsWhiteSpace(t[i]) && char.IsAsciiDigit(t[i - 1]) && char.IsAsciiDigit(t[i + 1]) && char.IsAsciiDigit(t[i + 2]) && char.IsAsciiDigit(t[i + 3])
                && (i + 4 == t.Length || !char.IsAsciiDigit(t[i + 4])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AbsoluteDate(string t)
    {
        // A month name or a four-digit year, and otherwise only digits, punctuation and a few function words.
        var words = t.Split([' ', ',', '.', '-', '/'], StringSplitOptions.RemoveEmptyEntries);
        var anchor = false;
        foreach (var w in words)
        {
            if (MonthWords.Contains(w))
            {
                anchor = true;
            }
            else if (w.Length == 4 && w.All(char.IsAsciiDigit))
            {
                anchor = true;
            }
            else if (w.All(char.IsAsciiDigit) || (w.Length > 2 && char.IsAsciiDigit(w[0]) && w[^2..] is "st" or "nd" or "rd" or "th")
                || w.Length > 1 && w[0] == '\'' && w[1..].All(char.IsAsciiDigit) || w.EndsWith('s') && w[..^1].All(char.IsAsciiDigit) || DateFunctionWords.Contains(w))
            {
                continue;
            }
            else
            {
                return false;
            }
        }

        return anchor;
    }

    private static List<Mention> Extract(string input, Model model, ITokenizer tokenizer)
    {
        var tokens = new List<Token>();
        tokenizer.Tokenize(input, 0, input.Length, tokens);
        var claims = new List<NumericClaim>();
        var dates = new List<DateSpan>();
        var numerals = new List<Numeral>();
        NumericClaimExtractor.Analyze(input, tokens.ToArray(), 0, claims, dates, numerals);
        var list = new List<Mention>();
        switch (model)
        {
            case Model.Number:
                foreach (var n in numerals)
                {
                    list.Add(new Mention(input[n.Start..n.End], n.Value, n.Value, false, false, null));
                }

                break;
            case Model.Date:
                foreach (var d in dates)
                {
                    list.Add(new Mention(input[d.Start..d.End], null, null, false, false, null));
                }

                break;
            default:
                foreach (var c in claims)
                {
                    var m = ToMention(input, c, model);
                    if (m is not null)
                    {
                        list.Add(m);
                    }
                }

                break;
        }

        return list;
    }

    private static Mention? ToMention(string input, NumericClaim c, Model model)
    {
        var quantity = input[c.QuantityStart..c.QuantityEnd];
        switch (model)
        {
            case Model.Percent when c.Kind == NumericKinds.Percent:
            case Model.Ordinal when c.Kind == NumericKinds.Ordinal:
                return new Mention(quantity, c.Value, c.Value, false, false, null);
            case Model.Currency when c.Kind == NumericKinds.Money:
                return new Mention(quantity, c.Value, c.Value, false, false, c.Unit);
            case Model.Dimension when c.Kind == NumericKinds.Measure && c.Unit is not ("year" or "month" or "week" or "day" or "hour" or "minute" or "decade" or "century"):
                return new Mention(quantity, c.Value, c.Value, false, false, null);
            case Model.NumberRange:
                var text = input[c.Start..c.End];
                if (c.Kind == NumericKinds.Range)
                {
                    return new Mention(text, c.Low, c.High, false, true, null);
                }

                return c.Qualifier switch
                {
                    "more_than" => new Mention(text, c.Value, null, true, true, null),
                    "at_least" => new Mention(text, c.Value, null, false, true, null),
                    "less_than" => new Mention(text, null, c.Value, true, true, null),
                    "at_most" => new Mention(text, null, c.Value, true, false, null),
                    "exactly" => new Mention(text, c.Value, c.Value, false, false, null),
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static bool Matches(List<Mention> expected, List<Mention> actual)
    {
        if (expected.Count != actual.Count)
        {
            return false;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var a = actual[i];
            if (!string.Equals(Squash(e.Text), Squash(a.Text), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (!Same(e.Low, a.Low) || !Same(e.High, a.High))
            {
                return false;
            }

            // One-sided intervals: the open or closed end matters (more than vs at least).
            var oneSided = e.Low is null || e.High is null;
            if (oneSided && (e.Low is null ? e.HighOpen != a.HighOpen : e.LowOpen != a.LowOpen))
            {
                return false;
            }

            if (e.Code is not null && e.Code != a.Code)
            {
                return false;
            }
        }

        return true;
    }

    private static string Squash(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool Same(double? e, double? a)
    {
        if (e is null || a is null)
        {
            return e is null && a is null;
        }

        var x = e.Value;
        var y = a.Value;
        return Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y)));
    }

    private static string Show(List<Mention> list) =>
        list.Count == 0 ? "(none)" : string.Join("; ", list.Select(m => m.Low == m.High ? $"{m.Text}={m.Low?.ToString("R", CultureInfo.InvariantCulture)}{(m.Code is null ? "" : " " + m.Code)}" : $"{m.Text}={(m.LowOpen ? "(" : "[")}{m.Low?.ToString("R", CultureInfo.InvariantCulture)},{m.High?.ToString("R", CultureInfo.InvariantCulture)}{(m.HighOpen ? ")" : "]")}"));
}
