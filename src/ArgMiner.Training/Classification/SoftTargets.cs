using System.Globalization;
using ArgMiner.Classification;
using ArgMiner.Text;
using CsvHelper;

namespace ArgMiner.Training.Classification;

/// <summary>
/// A teacher's class probabilities for training sentences (knowledge distillation): <c>train --soft-labels</c>
/// trains the fast model towards a mix of each sentence's gold label and these probabilities, so the fast
/// model learns from where a stronger model (the accurate tier, out of fold) spreads its belief. The file is
/// a CSV <c>doc,check,p_claim,p_evidence,p_opinion,p_other</c> keyed by the sentence's document and
/// <see cref="LabelOverlay.Check"/> of its text, never the text itself, so a file made from external corpora
/// holds none of their sentences. ML.NET's multiclass trainers take one hard label per row, so the mix is fed
/// to them as one weighted row per class (weighted cross-entropy with soft targets is exactly that sum); this
/// expansion is the only part written here.
/// </summary>
public static class SoftTargets
{
    /// <summary>The file's header.</summary>
    public const string Header = "doc,check,p_claim,p_evidence,p_opinion,p_other";

    /// <summary>The key a sentence is found by: its document and its text's check.</summary>
    public static string Key(LabelledSentence row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Key(row.Doc ?? string.Empty, LabelOverlay.Check(row.Text));
    }

    private static string Key(string doc, string check) => doc + "\u001f" + check;

    /// <summary>Writes <paramref name="predictions"/> of <paramref name="rows"/> as a soft-label file.</summary>
    public static void Write(string path, IReadOnlyList<LabelledSentence> rows, IReadOnlyList<SentencePrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(predictions);
        // Under a temporary name until complete: an interrupted run leaves no half file that looks whole.
        ArgMiner.Output.AtomicFile.WriteText(path, new System.Text.UTF8Encoding(false), writer =>
        {
            writer.Write(Header + "\n");
            for (var i = 0; i < rows.Count; i++)
            {
                var doc = rows[i].Doc ?? string.Empty;
                var cell = doc.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + doc.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : doc;
                writer.Write(cell + "," + LabelOverlay.Check(rows[i].Text));
                foreach (var p in predictions[i].Probabilities)
                {
                    writer.Write("," + p.ToString("0.######", CultureInfo.InvariantCulture));
                }

                writer.Write("\n");
            }
        });
    }

    /// <summary>Reads a soft-label file: key to the four probabilities in <see cref="SentenceLabels.All"/> order.</summary>
    /// <exception cref="LabelledDataException">The file is missing or a line is malformed (named by its line number).</exception>
    public static IReadOnlyDictionary<string, float[]> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new LabelledDataException(path, Directory.Exists(path) ? "is a folder; give the soft-label file" : "no such soft-label file");
        }

        var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
        try
        {
            // Strict UTF-8, a binary file refused (TextStreams): a bad byte in a document id became U+FFFD without a word
            // until session 34, so that document's sentences silently found no soft label.
            using var csv = CsvReader.Create(ArgMiner.Ingest.TextStreams.Open(path, ArgMiner.Ingest.TextEncodingChoice.Utf8, out _), LabelledData.StrictCsv(), false);
            csv.ReadHeader();
            if (string.Join(',', csv.Headers ?? []) != Header)
            {
                throw new LabelledDataException(path + ":1", $"the header must be {Header}");
            }

            while (csv.Read())
            {
                var origin = $"{path}:{csv.LineNumber}";
                var p = new float[SentenceLabels.All.Length];
                var sum = 0.0;
                for (var k = 0; k < p.Length; k++)
                {
                    if (!float.TryParse(csv.GetString(2 + k), NumberStyles.Float, CultureInfo.InvariantCulture, out p[k]) || !(p[k] >= 0 && p[k] <= 1))
                    {
                        throw new LabelledDataException(origin, "probabilities must be numbers from 0 to 1");
                    }

                    sum += p[k];
                }

                if (Math.Abs(sum - 1) > 0.01)
                {
                    throw new LabelledDataException(origin, $"probabilities sum to {sum.ToString("0.###", CultureInfo.InvariantCulture)}, not 1");
                }

                result.TryAdd(Key(csv.GetString(0), csv.GetString(1)), p);
            }
        }
        catch (CsvFormatException ex)
        {
            throw new LabelledDataException($"{path}:{ex.LineNumber}", "malformed CSV");
        }
        catch (ArgMiner.Ingest.TextDecodingException ex)
        {
            throw new LabelledDataException($"{path}:{ex.Line}", ex.Problem);
        }
        catch (IOException ex)
        {
            throw new LabelledDataException(path, $"cannot be read ({ex.Message.TrimEnd('.')})");
        }

        return result;
    }
}
