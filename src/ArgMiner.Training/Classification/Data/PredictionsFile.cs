using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ArgMiner.Text;
using CsvHelper;

namespace ArgMiner.Classification;

/// <summary>
/// The predictions file of <c>argminer evaluate --predictions</c> (<c>origin,doc,gold,label,confidence,
/// p_claim,p_evidence,p_opinion,p_other,text</c>): written for error analysis, and read back lined up with the same
/// labelled rows, so that a model scored in
/// another build (for instance with other entity or POS models embedded) can be compared with this one on the same
/// resamples (<c>evaluate --against-predictions</c>). The probabilities are read as well as the label: ML.NET's
/// evaluator takes a row's predicted class from its scores, so a file edited by hand must change both.
/// </summary>
public static class PredictionsFile
{
    private const string Header = "origin,doc,gold,label,confidence,p_claim,p_evidence,p_opinion,p_other,text";

    // The columns Read needs, by name.
    private static readonly string[] Columns = ["origin", "gold", "label", "p_claim", "p_evidence", "p_opinion", "p_other"];

    /// <summary>
    /// Writes each row's prediction beside its gold label (UTF-8 with a byte-order mark, for spreadsheets), under a
    /// temporary name until complete, so an interrupted run never leaves a half file that looks whole.
    /// </summary>
    public static void Write(string path, IReadOnlyList<LabelledSentence> rows, IReadOnlyList<SentencePrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgMiner.Output.AtomicFile.WriteText(path, new UTF8Encoding(true), writer =>
        {
            writer.Write(Header + "\n");
            for (var i = 0; i < rows.Count; i++)
            {
                var p = predictions[i];
                writer.Write($"{LineClassification.Cell(rows[i].Origin)},{LineClassification.Cell(rows[i].Doc ?? string.Empty)},{LineClassification.Cell(rows[i].Label)},{p.Label},{ArgMiner.Output.OutputSchema.Probability(p.Confidence)},{string.Join(',', p.Probabilities.Select(ArgMiner.Output.OutputSchema.Probability))},{LineClassification.Cell(rows[i].Text)}\n");
            }
        });
    }

    /// <summary>The file's predictions, one per row of <paramref name="rows"/>, in order.</summary>
    /// <exception cref="LabelledDataException">The file is missing or malformed, or its rows are not <paramref name="rows"/>
    /// (another count, or a row whose origin or gold label differs): the message names the file and line.</exception>
    public static IReadOnlyList<SentencePrediction> Read(string path, IReadOnlyList<LabelledSentence> rows)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(rows);
        if (!File.Exists(path))
        {
            throw new LabelledDataException(path, "no such predictions file");
        }

        var result = new List<SentencePrediction>(rows.Count);
        try
        {
            using var csv = CsvReader.Create(new StreamReader(path, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true), LabelledData.StrictCsv(), false);
            csv.ReadHeader();
            var header = csv.Headers?.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray() ?? [];
            var at = Columns.Select(c => Array.IndexOf(header, c)).ToArray();
            if (at.Any(i => i < 0))
            {
                throw new LabelledDataException(path + ":1", $"not a file written by 'evaluate --predictions' (it needs the columns {string.Join(",", Columns)})");
            }

            while (csv.Read())
            {
                var origin = $"{path}:{csv.LineNumber}";
                var i = result.Count;
                if (i >= rows.Count)
                {
                    throw new LabelledDataException(origin, $"more predictions than the {rows.Count} rows of --data");
                }

                if (csv.GetString(at[0]) != rows[i].Origin || csv.GetString(at[1]) != rows[i].Label)
                {
                    throw new LabelledDataException(origin, $"does not match row {i + 1} of --data ({rows[i].Origin}, gold {rows[i].Label}): were the predictions written on the same data?");
                }

                var label = csv.GetString(at[2]);
                if (!SentenceLabels.All.Contains(label))
                {
                    throw new LabelledDataException(origin, $"unknown label '{label}' (expected {string.Join(", ", SentenceLabels.All)})");
                }

                var probabilities = ImmutableArray.CreateBuilder<double>(4);
                for (var k = 3; k < 7; k++)
                {
                    if (!double.TryParse(csv.GetString(at[k]), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || !(p >= 0 && p <= 1))
                    {
                        throw new LabelledDataException(origin, $"{Columns[k]} '{csv.GetString(at[k])}' is not a probability");
                    }

                    probabilities.Add(p);
                }

                result.Add(new SentencePrediction(label, probabilities[SentenceLabels.All.IndexOf(label)], probabilities.MoveToImmutable()));
            }
        }
        catch (CsvFormatException ex)
        {
            throw new LabelledDataException($"{path}:{ex.LineNumber}", "malformed CSV");
        }
        catch (DecoderFallbackException)
        {
            throw new LabelledDataException(path, "is not valid UTF-8");
        }
        catch (IOException ex)
        {
            throw new LabelledDataException(path, $"cannot be read ({ex.Message.TrimEnd('.')})");
        }

        if (result.Count != rows.Count)
        {
            throw new LabelledDataException(path, $"{result.Count} predictions for the {rows.Count} rows of --data");
        }

        return result;
    }
}
