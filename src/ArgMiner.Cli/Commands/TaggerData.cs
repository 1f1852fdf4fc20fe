using ArgMiner.Tagging;
using ArgMiner.Tokenization;

namespace ArgMiner.Cli.Commands;

/// <summary>Reads tagging corpora for the train and evaluate commands.</summary>
internal static class TaggerData
{
    /// <summary>
    /// The corpus format: <c>conllu</c>, <c>gmb</c>, <c>iob2</c> (UNER) or <c>conll</c> (two columns, word and
    /// tag: BTC's <c>.conll</c>, WNUT-17's <c>.conll</c> and <c>.annotated</c>), from the option or the extension.
    /// </summary>
    public static string FormatOf(string path, string? format)
    {
        if (!string.IsNullOrEmpty(format))
        {
            return format;
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".conllu" => "conllu",
            ".csv" => "gmb",
            ".conll" or ".annotated" => "conll",
            _ => "iob2",
        };
    }

    /// <summary>Reads <paramref name="path"/> as <paramref name="format"/>; a missing file is a data error.</summary>
    public static List<TaggedSentence> Read(string path, string format, GmbSplit split)
    {
        if (CommandLine.NotAFile(path) is { } notAFile)
        {
            throw new FileNotFoundException(notAFile);
        }

        return format switch
        {
            "conllu" => TaggingCorpora.ReadConllu(path),
            "gmb" => TaggingCorpora.ReadGmb(path, split, new RuleTokenizer()),
            "conll" => TaggingCorpora.ReadConll(path),
            _ => TaggingCorpora.ReadIob2(path),
        };
    }

    /// <summary>The split named by <c>--split</c>.</summary>
    public static GmbSplit ParseSplit(string? split) => split switch
    {
        "all" => GmbSplit.All,
        "train" => GmbSplit.Train,
        _ => GmbSplit.Heldout,
    };

    /// <summary>
    /// Entity scores of <paramref name="recognizer"/> on <paramref name="sentences"/>; for IOB2 (UNER) and
    /// CoNLL (BTC, WNUT-17) only PERSON, ORG and LOC count, since they mark no demonyms, dates or events.
    /// </summary>
    public static List<EntityScore> ScoreEntities(EntityRecognizer recognizer, List<TaggedSentence> sentences, string format) =>
        TaggerEvaluation.Entities(sentences, recognizer.Recognize, ScoredTypes(format));

    /// <summary>
    /// Writes each sentence whose entities differ from the gold ones: the sentence, then <c>-</c> for a
    /// missed gold entity and <c>+</c> for a spurious one (text and type), for reading errors.
    /// </summary>
    public static void WriteEntityErrors(string path, EntityRecognizer recognizer, List<TaggedSentence> sentences, string format)
    {
        var types = ScoredTypes(format);
        ArgMiner.Output.AtomicFile.WriteText(path, new System.Text.UTF8Encoding(false), w =>
        {
            foreach (var s in sentences)
            {
                var gold = BioDecoder.Decode(s.Tags).Where(e => types is null || types.Contains(e.Type)).ToHashSet();
                var predicted = recognizer.Recognize(s).Where(e => types is null || types.Contains(e.Type)).ToHashSet();
                if (gold.SetEquals(predicted))
                {
                    continue;
                }

                w.WriteLine(s.Text);
                foreach (var e in gold.Except(predicted))
                {
                    w.WriteLine($"  - {Span(s, e)}\t{e.Type}");
                }

                foreach (var e in predicted.Except(gold))
                {
                    w.WriteLine($"  + {Span(s, e)}\t{e.Type}");
                }
            }
        });

        static string Span(TaggedSentence s, TokenSpan e) => s.Text[s.Tokens[e.First].Start..s.Tokens[e.First + e.Count - 1].End];
    }

    private static HashSet<string>? ScoredTypes(string format) =>
        format is "iob2" or "conll" ? new HashSet<string>(StringComparer.Ordinal) { "PERSON", "ORG", "LOC" } : null;

    /// <summary>Prints a table of entity scores.</summary>
    public static void Print(TextWriter w, string title, IEnumerable<EntityScore> scores)
    {
        w.WriteLine(title);
        w.WriteLine("  type      gold  pred  correct  precision  recall  F1");
        foreach (var s in scores)
        {
            w.WriteLine(FormattableString.Invariant($"  {s.Type,-8} {s.Gold,5} {s.Predicted,5} {s.Correct,8} {s.Precision,10:P1} {s.Recall,7:P1} {s.F1,6:F3}"));
        }
    }
}
