using ArgMiner.Text;
using System.CommandLine;
using System.Text;
using ArgMiner.Classification;
using ArgMiner.Ingest;
using ArgMiner.Models;
using ArgMiner.Training.Classification;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer classify</c>: labels one sentence per input line and writes CSV.</summary>
internal static class ClassifyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Option<string>("--model") { Description = "Model file (default: the shipped model), or 'accurate' for the encoder tier (see 'train-accurate')" };
        var input = new Option<string>("--input") { Description = "Text file with one sentence per line, or - for standard input", DefaultValueFactory = _ => "-" };
        var output = new Option<string>("--out") { Description = "CSV file to write, or - for standard output", DefaultValueFactory = _ => "-" };
        var explain = new Option<bool>("--explain") { Description = "Add a 'why' column: the features that pushed each sentence to its label" };
        var tag = new Option<bool>("--tag")
        {
            Description = "Tag each line first as 'run' does (entities, numeric claims), so a model trained on tagged sentences scores it as in 'run'. "
                + "Much slower than the default bare-text scoring, which sees only the text's surface cues",
        };
        var engine = new Option<string>("--engine")
        {
            Description = "compiled (default: the model's weights scored by ArgMiner, fast) or mlnet (the model's ML.NET model scored by ML.NET's prediction engine)",
            DefaultValueFactory = _ => "compiled",
        };
        engine.AcceptOnlyFromAmong("compiled", "mlnet");
        var encoding = CommandLine.EncodingOption();
        var command = new Command("classify", "Label one sentence per line as claim, evidence, opinion or other; write CSV text,label,confidence,p_claim,p_evidence,p_opinion,p_other.")
        {
            model, input, output, explain, tag, engine, encoding,
        };
        command.SetAction(parse =>
        {
            var wantsAccurate = AccurateModel.IsRequested(parse.GetValue(model));
            if (wantsAccurate && (parse.GetValue(explain) || parse.GetValue(tag) || parse.GetValue(engine) == "mlnet"))
            {
                stderr.WriteLine("argminer: --explain, --tag and --engine mlnet work with the fast model only, not with the accurate tier");
                return CommandLine.Usage;
            }

            var accurate = wantsAccurate ? AccurateModel.Load(parse.GetValue(model)!, stderr) : null;
            using var disposeEncoder = accurate?.Embedder;
            var classifier = wantsAccurate ? accurate?.Fast : ClassifierCli.LoadModel(parse.GetValue(model), stderr);
            if (classifier is null)
            {
                return CommandLine.Failed;
            }

            MlNetSentenceScorer? mlnet = null;
            if (parse.GetValue(engine) == "mlnet")
            {
                try
                {
                    mlnet = new MlNetSentenceScorer(classifier, parse.GetValue(model) ?? SentenceClassifier.DefaultResource);
                }
                catch (ModelFormatException ex)
                {
                    stderr.WriteLine($"argminer: {ex.Message}");
                    return CommandLine.Failed;
                }
            }

            using var disposeEngine = mlnet;
            var inPath = parse.GetValue(input) ?? "-";
            var outPath = parse.GetValue(output) ?? "-";
            if (inPath != "-" && !File.Exists(inPath))
            {
                stderr.WriteLine($"argminer: {inPath}: file not found");
                return CommandLine.Failed;
            }

            void Emit(TextReader from, TextWriter to)
            {
                if (accurate is not null)
                {
                    AccurateModel.Classify(accurate, from, to);
                }
                else
                {
                    Classify(classifier, from, to, parse.GetValue(explain), parse.GetValue(tag), mlnet);
                }
            }

            try
            {
                // Files are read by the one rule every reader follows (TextDecoding); standard input, which cannot
                // be read twice, must be UTF-8 (a BOM is dropped) and a bad byte stops the command.
                string? warning = null;
                using var reader = inPath == "-"
                    ? new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false, throwOnInvalidBytes: true))
                    : TextStreams.Open(inPath, TextDecoding.ParseChoice(parse.GetValue(encoding))!.Value, out warning);
                if (warning is not null)
                {
                    stderr.WriteLine($"argminer: warning: {inPath}: {warning}");
                }

                if (outPath == "-")
                {
                    Emit(reader, stdout);
                    stdout.Flush();
                }
                else
                {
                    var temp = Path.GetFullPath(outPath) + ".tmp";
                    try
                    {
                        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(true), 1 << 16))
                        {
                            Emit(reader, writer);
                        }

                        File.Move(temp, outPath, overwrite: true);
                    }
                    finally
                    {
                        File.Delete(temp);
                    }
                }
            }
            catch (TextDecodingException ex)
            {
                stderr.WriteLine($"argminer: {inPath}, line {ex.Line}: {ex.Message}; nothing written");
                return CommandLine.Failed;
            }
            catch (DecoderFallbackException)
            {
                stderr.WriteLine($"argminer: {(inPath == "-" ? "standard input" : inPath)}: not valid {(inPath == "-" ? "UTF-8 (standard input is read as UTF-8; give the file with --input to have another encoding detected)" : "text")}{(outPath == "-" ? string.Empty : "; nothing written")}");
                return CommandLine.Failed;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"argminer: {ex.Message}");
                return CommandLine.Failed;
            }

            return CommandLine.Ok;
        });
        return command;
    }

    /// <summary>
    /// Appends <paramref name="value"/> (a probability in [0, 1]) with four decimals, exactly as
    /// <c>ToString("F4", InvariantCulture)</c> would. Formatting five doubles per row was a fifth of the
    /// command's time, so the common case is done with integers; a value within a hair of a rounding midpoint,
    /// where the product <c>value * 10000</c> could round the wrong way, goes through the standard formatter.
    /// </summary>
    internal static void AppendProbability(StringBuilder line, double value)
    {
        Span<char> buffer = stackalloc char[32];
        line.Append(buffer[..FormatProbability(buffer, value)]);
    }

    /// <summary>
    /// Writes <paramref name="value"/> as <see cref="AppendProbability"/> does into <paramref name="destination"/>
    /// (at least 32 chars) and returns the number of chars written.
    /// </summary>
    internal static int FormatProbability(Span<char> destination, double value)
    {
        var scaled = value * 10000;
        var floor = Math.Floor(scaled);
        if (value is < 0 or > 1 || Math.Abs(scaled - floor - 0.5) < 1e-6)
        {
            value.TryFormat(destination, out var n, "F4", System.Globalization.CultureInfo.InvariantCulture);
            return n;
        }

        var units = (int)(scaled - floor > 0.5 ? floor + 1 : floor);
        destination[5] = (char)('0' + (units % 10));
        destination[4] = (char)('0' + (units / 10 % 10));
        destination[3] = (char)('0' + (units / 100 % 10));
        destination[2] = (char)('0' + (units / 1000 % 10));
        destination[1] = '.';
        destination[0] = (char)('0' + (units / 10000));
        return 6;
    }

    /// <summary>The label with the highest probability (the first of equals).</summary>
    private static int Best(ReadOnlySpan<double> p)
    {
        var best = 0;
        for (var k = 1; k < p.Length; k++)
        {
            if (p[k] > p[best])
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>Whether a text cell can be written as it is: no quoting needed and no formula guard (<see cref="ClassifierCli.Cell"/>).</summary>
    private static bool IsPlainCell(ReadOnlySpan<char> text) =>
        text.Length == 0 || (text[0] is not ('=' or '+' or '-' or '@') && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]) && text.IndexOfAny(",\"\r\n") < 0);

    /// <summary>Appends the text cell without allocating when it needs neither quoting nor a formula guard.</summary>
    private static void AppendCell(StringBuilder line, string text)
    {
        if (IsPlainCell(text))
        {
            line.Append(text);
        }
        else
        {
            line.Append(ClassifierCli.Cell(text));
        }
    }

    /// <summary>
    /// Writes the CSV: one row per input line, in input order; an empty line is <c>other</c> with probability 1.
    /// With <paramref name="tag"/>, lines are tagged (<see cref="SentenceTagger"/>) in batches before scoring.
    /// With <paramref name="mlnet"/>, ML.NET scores each line instead of the compiled weights.
    /// </summary>
    internal static void Classify(SentenceClassifier classifier, TextReader reader, TextWriter writer, bool explain = false, bool tag = false, MlNetSentenceScorer? mlnet = null)
    {
        writer.Write(explain ? "text,label,confidence,p_claim,p_evidence,p_opinion,p_other,why\n" : "text,label,confidence,p_claim,p_evidence,p_opinion,p_other\n");
        var builder = new FeatureVectorBuilder();
        var scorer = new RowScorer(classifier, mlnet, builder);
        if (!tag && !explain && mlnet is null)
        {
            ClassifyLines(classifier, reader, writer, builder);
            return;
        }

        var line = new StringBuilder();
        if (!tag)
        {
            while (reader.ReadLine() is { } text)
            {
                WriteRow(scorer, text, default, line, writer, explain);
            }

            return;
        }

        // Batches keep memory bounded on huge inputs while the tagger uses every core.
        const int BatchSize = 4096;
        var tagger = new SentenceTagger();
        var batch = new List<string>(BatchSize);
        while (true)
        {
            batch.Clear();
            while (batch.Count < BatchSize && reader.ReadLine() is { } text)
            {
                batch.Add(text);
            }

            if (batch.Count == 0)
            {
                return;
            }

            var contexts = tagger.TagAll(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                WriteRow(scorer, batch[i], contexts[i], line, writer, explain);
            }
        }
    }

    /// <summary>
    /// The default path: lines are cut from a char buffer as <see cref="TextReader.ReadLine"/> would cut them
    /// (at \n, \r or \r\n; no empty last line after a final line break) and each row is assembled in a char
    /// buffer, so nothing is allocated per line except for a text cell that needs quoting.
    /// </summary>
    private static void ClassifyLines(SentenceClassifier classifier, TextReader reader, TextWriter writer, FeatureVectorBuilder builder)
    {
        var buffer = new char[1 << 16];
        var row = new char[1 << 10];
        int start = 0, end = 0, scanned = 0;
        var eof = false;
        while (true)
        {
            // scanned: chars after start already known to hold no line break, so a long line is searched once.
            var nl = buffer.AsSpan(scanned, end - scanned).IndexOfAny('\r', '\n');
            if (nl >= 0)
            {
                nl += scanned;
                if (buffer[nl] == '\r' && nl + 1 == end && !eof)
                {
                    // A \r at the end of the data read so far: whether \n follows decides where the next line starts.
                    scanned = nl;
                    Refill(reader, ref buffer, ref start, ref end, ref scanned, ref eof);
                    continue;
                }

                WriteLine(classifier, buffer.AsSpan(start, nl - start), builder, ref row, writer);
                start = nl + 1;
                if (buffer[nl] == '\r' && start < end && buffer[start] == '\n')
                {
                    start++;
                }

                scanned = start;
                continue;
            }

            scanned = end;
            if (eof)
            {
                if (end > start)
                {
                    WriteLine(classifier, buffer.AsSpan(start, end - start), builder, ref row, writer);
                }

                return;
            }

            Refill(reader, ref buffer, ref start, ref end, ref scanned, ref eof);
        }
    }

    /// <summary>Moves the unfinished line to the front of the buffer (doubling it when full) and reads more.</summary>
    private static void Refill(TextReader reader, ref char[] buffer, ref int start, ref int end, ref int scanned, ref bool eof)
    {
        if (start > 0)
        {
            Array.Copy(buffer, start, buffer, 0, end - start);
            end -= start;
            scanned -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var n = reader.Read(buffer, end, buffer.Length - end);
        if (n == 0)
        {
            eof = true;
        }
        else
        {
            end += n;
        }
    }

    /// <summary>One CSV row, as <see cref="WriteRow"/> writes it without explanation.</summary>
    private static void WriteLine(SentenceClassifier classifier, ReadOnlySpan<char> text, FeatureVectorBuilder builder, ref char[] row, TextWriter writer)
    {
        Span<double> p = stackalloc double[4];
        classifier.PredictInto(text, default, builder, p);
        var best = Best(p);

        var cell = IsPlainCell(text) ? text : ClassifierCli.Cell(text.ToString()).AsSpan();
        var label = SentenceLabels.All[best];

        // Cell, label and five probabilities of at most 32 chars each, with separators.
        var need = cell.Length + label.Length + (5 * 33) + 2;
        if (row.Length < need)
        {
            row = new char[Math.Max(need, row.Length * 2)];
        }

        var span = row.AsSpan();
        cell.CopyTo(span);
        var at = cell.Length;
        span[at++] = ',';
        label.CopyTo(span[at..]);
        at += label.Length;
        span[at++] = ',';
        at += FormatProbability(span[at..], p[best]);
        for (var k = 0; k < 4; k++)
        {
            span[at++] = ',';
            at += FormatProbability(span[at..], p[k]);
        }

        span[at++] = '\n';
        writer.Write(span[..at]);
    }

    private static void WriteRow(RowScorer scorer, string text, in SentenceContext context, StringBuilder line, TextWriter writer, bool explain)
    {
        Span<double> p = stackalloc double[4];
        scorer.Score(text, context, p);
        var classifier = scorer.Classifier;
        var best = Best(p);

        line.Clear();
        AppendCell(line, text);
        line.Append(',').Append(SentenceLabels.All[best]).Append(',');
        AppendProbability(line, p[best]);
        for (var k = 0; k < 4; k++)
        {
            line.Append(',');
            AppendProbability(line, p[k]);
        }

        if (explain)
        {
            var why = string.IsNullOrWhiteSpace(text)
                ? string.Empty
                : string.Join("; ", classifier.Explain(text, SentenceLabels.All[best], 5, context).Select(f => $"{f.Feature} +{f.Contribution.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}"));
            line.Append(',').Append(ClassifierCli.Cell(why));
        }

        line.Append('\n');
        writer.Write(line);
    }

    /// <summary>Scores a row with the compiled weights, or with ML.NET when an ML.NET scorer is given.</summary>
    private sealed class RowScorer(SentenceClassifier classifier, MlNetSentenceScorer? mlnet, FeatureVectorBuilder builder)
    {
        public SentenceClassifier Classifier { get; } = classifier;

        public void Score(string text, in SentenceContext context, Span<double> p)
        {
            if (mlnet is null)
            {
                Classifier.PredictInto(text, context, builder, p);
                return;
            }

            var prediction = mlnet.Predict(text, context);
            for (var k = 0; k < p.Length; k++)
            {
                p[k] = prediction.Probabilities[k];
            }
        }
    }
}
