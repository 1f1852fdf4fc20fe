using System.Globalization;
using ArgMiner.Numbers;
using ArgMiner.Tests.Support;
using Xunit.Abstractions;

namespace ArgMiner.Tests.Numbers;

/// <summary>
/// The quantities-in-news test set (quantities-in-news.tsv beside this file, sentences written for it): every
/// sentence through the pipeline, its claims and grammar dates compared with the expected rows; recall and
/// precision are reported, and every sentence must come out exactly as listed.
/// </summary>
public sealed class QuantitiesInNewsTests(ITestOutputHelper output)
{
    /// <summary>One expected or found item: a claim or a date of the grammar.</summary>
    private sealed record Item(string Span, string Kind, string Value, string Unit, string Qualifier)
    {
        public override string ToString() => $"{Span} | {Kind} | {Value} | {Unit} | {Qualifier}";
    }

    private static string SetPath => Path.Combine(Repository.Root, "tests", "ArgMiner.Tests", "Numbers", "quantities-in-news.tsv");

    /// <summary>The sentences in file order, each with its group and expected items.</summary>
    private static List<(string Group, string Sentence, List<Item> Expected)> Load()
    {
        var sentences = new List<(string Group, string Sentence, List<Item> Expected)>();
        foreach (var line in File.ReadLines(SetPath))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            Assert.True(f.Length == 7, $"not seven columns: {line}");
            var at = sentences.FindIndex(s => s.Sentence == f[1]);
            if (at < 0)
            {
                sentences.Add((f[0], f[1], []));
                at = sentences.Count - 1;
            }

            if (f[2] != "-")
            {
                sentences[at].Expected.Add(new Item(f[2], f[3], f[4], f[5], f[6]));
            }
        }

        return sentences;
    }

    /// <summary>What the pipeline finds in <paramref name="sentence"/>: its claims, then its grammar dates.</summary>
    private static List<Item> Find(string sentence)
    {
        var doc = NumbersTestKit.Run(sentence);
        var found = new List<Item>();
        foreach (var c in doc.Numbers)
        {
            var value = c.Value is { } v ? Format(v) : $"{Format(c.Low)}..{Format(c.High)}";
            found.Add(new Item(sentence[c.Start..c.End], c.Kind, value, c.Unit ?? "-", c.Qualifier ?? "-"));
        }

        foreach (var d in NumericClaimExtractor.FindDates(doc))
        {
            found.Add(new Item(sentence[d.Start..d.End], "date", "-", "-", "-"));
        }

        return found;
    }

    private static string Format(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "-";

    /// <summary>Whether a found item is the expected one: same span, kind, unit and qualifier, values equal to 1e-9.</summary>
    private static bool Same(Item expected, Item found) =>
        expected.Span == found.Span && expected.Kind == found.Kind && expected.Unit == found.Unit && expected.Qualifier == found.Qualifier
        && SameValue(expected.Value, found.Value);

    private static bool SameValue(string expected, string found)
    {
        var e = expected.Split("..");
        var f = found.Split("..");
        return e.Length == f.Length && e.Zip(f).All(p => p.First == p.Second || (Parse(p.First) is { } x && Parse(p.Second) is { } y && Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x))));
    }

    /// <summary>A number, or a fraction "2/3"; null for "-".</summary>
    private static double? Parse(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            return double.Parse(value[..slash], CultureInfo.InvariantCulture) / double.Parse(value[(slash + 1)..], CultureInfo.InvariantCulture);
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    [Fact]
    public void GivenTheQuantitiesInNewsSet_WhenEachSentenceRuns_ThenEveryRowComesOutAndNothingElse()
    {
        var set = Load();
        Assert.NotEmpty(set);
        int expectedCount = 0, foundCount = 0, matched = 0;
        var problems = new List<string>();
        var perGroup = new SortedDictionary<string, (int Sentences, int Right)>(StringComparer.Ordinal);
        foreach (var (group, sentence, expected) in set)
        {
            var found = Find(sentence);
            var unmatched = new List<Item>(found);
            var missing = new List<Item>();
            foreach (var e in expected)
            {
                var hit = unmatched.FindIndex(f => Same(e, f));
                if (hit >= 0)
                {
                    unmatched.RemoveAt(hit);
                    matched++;
                }
                else
                {
                    missing.Add(e);
                }
            }

            expectedCount += expected.Count;
            foundCount += found.Count;
            var right = missing.Count == 0 && unmatched.Count == 0;
            perGroup[group] = (perGroup.GetValueOrDefault(group).Sentences + 1, perGroup.GetValueOrDefault(group).Right + (right ? 1 : 0));
            if (!right)
            {
                problems.Add($"{sentence}\n  missing: {string.Join("; ", missing)}\n  extra:   {string.Join("; ", unmatched)}");
            }
        }

        var recall = expectedCount == 0 ? 1 : (double)matched / expectedCount;
        var precision = foundCount == 0 ? 1 : (double)matched / foundCount;
        output.WriteLine($"{set.Count} sentences, {expectedCount} expected items, {foundCount} found, {matched} right: recall {recall:P1}, precision {precision:P1}");
        foreach (var (group, (sentences, right)) in perGroup)
        {
            output.WriteLine($"  {group,-11} {right}/{sentences} sentences right");
        }

        foreach (var p in problems)
        {
            output.WriteLine(p);
        }

        Assert.True(problems.Count == 0, $"{problems.Count} of {set.Count} sentences differ (recall {recall:P1}, precision {precision:P1}):\n{string.Join("\n", problems)}");
    }
}
