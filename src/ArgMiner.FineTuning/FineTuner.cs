using System.Diagnostics;
using System.Globalization;
using ArgMiner.Classification;
using ArgMiner.Encoders.Classification;
using ArgMiner.Text;
using BERTTokenizers.Base;
using TorchSharp;
using static TorchSharp.torch;

namespace ArgMiner.FineTuning;

/// <summary>Settings of a fine-tuning run; the defaults are the recipe the shipped tuned encoder was trained with.</summary>
internal sealed record FineTuneOptions
{
    /// <summary>Passes over the data.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Peak learning rate (AdamW), reached after the first 6 % of steps, then falling linearly to 0.</summary>
    public double LearningRate { get; init; } = 5e-5;

    /// <summary>AdamW's decoupled weight decay.</summary>
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Sentences per step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The weight of an opinion row's loss (the fast model's class weight).</summary>
    public float OpinionWeight { get; init; } = 2f;

    /// <summary>Seed of the initial head, the dropout masks and the order of the rows.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>TorchSharp's threads (results may differ in the last bits with another count).</summary>
    public int Threads { get; init; } = 2;
}

/// <summary>Fine-tunes <see cref="BertClassifier"/> on labelled sentences (cross-entropy, each row's weight times its class weight).</summary>
internal sealed class FineTuner(FineTuneOptions options, TextWriter log)
{
    private readonly TokenizerBase _tokenizer = TunedEncoderHead.CreateTokenizer();
    private readonly Dictionary<string, long[]> _pieces = new(StringComparer.Ordinal);

    /// <summary>The network with the package's pretrained weights and a fresh head (seeded).</summary>
    public static BertClassifier Pretrained(int seed)
    {
        manual_seed(seed);
        var model = new BertClassifier();
        var graph = ArcticXsGraph.Read();
        model.LoadPretrained(TunedEncoderHead.PackageTensors(graph), ArcticXsGraph.MatMulWeights(graph));
        return model;
    }

    /// <summary>Trains on <paramref name="rows"/> and returns the network.</summary>
    public BertClassifier Fit(IReadOnlyList<LabelledSentence> rows)
    {
        set_num_threads(options.Threads);
        var model = Pretrained(options.Seed);
        model.train();
        var labels = SentenceLabels.All;
        var random = new Random(options.Seed);
        var steps = options.Epochs * (int)Math.Ceiling(rows.Count / (double)options.BatchSize);
        var warmUp = Math.Max(1, (int)(steps * 0.06));
        var step = 0;
        using var optimizer = optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        var watch = Stopwatch.StartNew();
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            double lossSum = 0;
            var batches = Batches(rows, random);
            for (var b = 0; b < batches.Count; b++)
            {
                using var scope = NewDisposeScope();
                step++;
                var rate = step <= warmUp ? options.LearningRate * step / warmUp : options.LearningRate * Math.Max(0, steps - step) / Math.Max(1, steps - warmUp);
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = rate;
                }

                var batch = batches[b];
                var (ids, mask) = Encode(batch.Select(r => r.Text).ToList());
                var target = tensor(batch.Select(r => (long)labels.IndexOf(r.Label)).ToArray());
                var weight = tensor(batch.Select(r => (float)r.Weight * (r.Label == "opinion" ? options.OpinionWeight : 1f)).ToArray());
                var loss = (nn.functional.cross_entropy(model.forward(ids, mask), target, reduction: nn.Reduction.None) * weight).sum() / weight.sum();
                optimizer.zero_grad();
                loss.backward();
                nn.utils.clip_grad_norm_(model.parameters(), 1.0);
                optimizer.step();
                lossSum += loss.item<float>();
                if ((b + 1) % 100 == 0 || b + 1 == batches.Count)
                {
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}/{options.Epochs}, batch {b + 1}/{batches.Count}: mean loss {lossSum / (b + 1):0.0000}, {watch.Elapsed.TotalSeconds:0} s"));
                }
            }
        }

        model.eval();
        return model;
    }

    /// <summary>The final hidden state of each sentence's first token, in input order (for <c>check</c>).</summary>
    public float[][] FirstTokenStates(BertClassifier model, IReadOnlyList<string> sentences)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        model.eval();
        var (ids, mask) = Encode(sentences);
        var states = model.HiddenStates(ids, mask)[.., 0, ..].contiguous().data<float>().ToArray();
        return [.. Enumerable.Range(0, sentences.Count).Select(i => states[(i * BertClassifier.Hidden)..((i + 1) * BertClassifier.Hidden)])];
    }

    /// <summary>
    /// The rows shuffled, cut into chunks of 50 batches, each chunk's rows sorted by length so a batch pads little,
    /// then the batches shuffled.
    /// </summary>
    private List<List<LabelledSentence>> Batches(IReadOnlyList<LabelledSentence> rows, Random random)
    {
        var shuffled = rows.OrderBy(_ => random.Next()).ToList();
        var batches = new List<List<LabelledSentence>>();
        var chunk = options.BatchSize * 50;
        for (var s = 0; s < shuffled.Count; s += chunk)
        {
            var sorted = shuffled.Skip(s).Take(chunk).OrderBy(r => Pieces(r.Text).Length).ToList();
            for (var b = 0; b < sorted.Count; b += options.BatchSize)
            {
                batches.Add(sorted.Skip(b).Take(options.BatchSize).ToList());
            }
        }

        return [.. batches.OrderBy(_ => random.Next())];
    }

    private long[] Pieces(string text)
    {
        if (!_pieces.TryGetValue(text, out var pieces))
        {
            pieces = TunedEncoderHead.Pieces(_tokenizer, text);
            _pieces[text] = pieces;
        }

        return pieces;
    }

    private (Tensor Ids, Tensor Mask) Encode(IReadOnlyList<string> texts)
    {
        var pieces = texts.Select(Pieces).ToList();
        var length = pieces.Max(p => p.Length);
        var ids = new long[texts.Count * length];
        var mask = new long[texts.Count * length];
        for (var i = 0; i < pieces.Count; i++)
        {
            for (var j = 0; j < pieces[i].Length; j++)
            {
                ids[(i * length) + j] = pieces[i][j];
                mask[(i * length) + j] = 1;
            }
        }

        return (tensor(ids, [texts.Count, length]), tensor(mask, [texts.Count, length]));
    }
}
