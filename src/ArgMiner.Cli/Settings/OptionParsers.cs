using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ArgMiner.Classification;
using ArgMiner.Output;
using ArgMiner.Pipeline;
using ArgMiner.Text;
using ArgMiner.Training.Classification;

namespace ArgMiner.Cli.Settings;

/// <summary>
/// Custom parsers of option values that are more than a string or a number. Each reports a bad value as one
/// line that starts with the option's name (<see cref="CommandLine"/> prints it as it is: a usage error, exit 2).
/// </summary>
internal static class OptionParsers
{
    /// <summary><c>--class-weight LABEL=W</c> (repeatable): a positive, finite weight for one of ArgMiner's labels.</summary>
    public static IReadOnlyDictionary<string, double>? ClassWeights(ArgumentResult result)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var token in result.Tokens)
        {
            var entry = token.Value;
            var parts = entry.Split('=', 2);
            if (parts.Length != 2 || !SentenceLabels.All.Contains(parts[0].Trim().ToLowerInvariant())
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !(weight > 0) || double.IsInfinity(weight))
            {
                result.AddError($"--class-weight '{entry}' is not LABEL=positive number with LABEL one of {string.Join(", ", SentenceLabels.All)}");
                return null;
            }

            weights[parts[0].Trim().ToLowerInvariant()] = weight;
        }

        return weights;
    }

    /// <summary><c>--map FOREIGN=label|label</c> (repeatable), by <see cref="LabelMap.Parse"/>.</summary>
    public static LabelMap? LabelMap(ArgumentResult result)
    {
        try
        {
            return Classification.LabelMap.Parse(result.Tokens.Select(t => t.Value));
        }
        catch (FormatException ex)
        {
            result.AddError($"--map: {ex.Message}");
            return null;
        }
    }

    /// <summary><c>--labels claim,evidence</c>: ArgMiner labels, comma-separated, at least one.</summary>
    public static IReadOnlyList<string>? Labels(ArgumentResult result)
    {
        var labels = result.Tokens[0].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.ToLowerInvariant()).ToArray();
        var bad = labels.FirstOrDefault(l => !SentenceLabels.All.Contains(l));
        if (bad is not null || labels.Length == 0)
        {
            result.AddError($"--labels: '{bad}' is not one of {string.Join(", ", SentenceLabels.All)}");
            return null;
        }

        return labels;
    }

    /// <summary><c>--trainer sdca|lbfgs|lightgbm</c>.</summary>
    public static OptionValue<SentenceTrainer>? Trainer(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        SentenceTrainer? trainer = text switch
        {
            "sdca" => SentenceTrainer.Sdca,
            "lbfgs" => SentenceTrainer.Lbfgs,
            "lightgbm" => SentenceTrainer.LightGbm,
            _ => null,
        };
        if (trainer is null)
        {
            result.AddError($"--trainer '{text}' is not sdca, lbfgs or lightgbm");
            return null;
        }

        return new(trainer.Value, text);
    }

    /// <summary><c>--format csv,jsonl,…</c>: one or more output formats, comma-separated.</summary>
    public static OptionValue<OutputFormats>? Formats(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        var formats = OutputFormats.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            OutputFormats? format = part.ToLowerInvariant() switch
            {
                "csv" => OutputFormats.Csv,
                "jsonl" or "json" => OutputFormats.JsonLines,
                "xlsx" => OutputFormats.Xlsx,
                "html" => OutputFormats.Html,
                "parquet" => OutputFormats.Parquet,
                _ => null,
            };
            if (format is null)
            {
                formats = OutputFormats.None;
                break;
            }

            formats |= format.Value;
        }

        if (formats == OutputFormats.None)
        {
            result.AddError($"--format takes csv, jsonl, xlsx, html, parquet or several (csv,xlsx), not '{text}'");
            return null;
        }

        return new(formats, text);
    }

    /// <summary><c>--shard K/N</c>: shard K (from 0) of N (<see cref="ShardSpec.Parse"/>).</summary>
    public static ShardSpec? Shard(ArgumentResult result)
    {
        var spec = ShardSpec.Parse(result.Tokens[0].Value, out var error);
        if (spec is null)
        {
            result.AddError(error!);
        }

        return spec;
    }

    /// <summary>
    /// Adds a range check to a whole-number option: <paramref name="message"/> when its value is outside
    /// [<paramref name="min"/>, <paramref name="max"/>]. A value that is not a whole number is left to the
    /// option's own conversion error.
    /// </summary>
    public static Option<int> InRange(this Option<int> option, int min, int max, string message) =>
        option.Accepting(value => value >= min && value <= max, message);

    /// <summary>Adds a check to a whole-number option: <paramref name="message"/> when <paramref name="valid"/> refuses its value.</summary>
    public static Option<int> Accepting(this Option<int> option, Func<int, bool> valid, string message)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && !valid(value))
            {
                result.AddError(message);
            }
        });
        return option;
    }
}

/// <summary>
/// An option's parsed value and the text that named it: help shows a default as it is typed
/// (<c>[default: csv,jsonl]</c>), not as the value's type would print it.
/// </summary>
/// <typeparam name="T">The parsed value's type.</typeparam>
/// <param name="Value">The parsed value.</param>
/// <param name="Text">The option's value as given.</param>
internal sealed record OptionValue<T>(T Value, string Text)
{
    /// <inheritdoc/>
    public override string ToString() => Text;
}
