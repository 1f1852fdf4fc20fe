namespace ArgMiner.Tests.Models;

/// <summary>
/// What every trainable ArgMiner model must honour, written once so that every model kind (sentence
/// classifier, tagger, entity recogniser) can plug in: train, save, load, and the loaded model's outputs are
/// bit-identical to the trained one's; and the same training twice gives byte-identical files.
/// </summary>
/// <typeparam name="TModel">The trained model type.</typeparam>
/// <param name="Train">Trains a model (deterministically).</param>
/// <param name="Save">Writes a model to a path.</param>
/// <param name="Load">Reads a model from a path.</param>
/// <param name="Outputs">The model's numeric outputs on fixed probe inputs (probabilities, scores…).</param>
public sealed record ModelContract<TModel>(
    Func<TModel> Train,
    Action<TModel, string> Save,
    Func<string, TModel> Load,
    Func<TModel, IReadOnlyList<double>> Outputs)
{
    /// <summary>Train -> save -> load gives bit-identical outputs.</summary>
    public void AssertRoundTripIsExact()
    {
        var dir = Directory.CreateTempSubdirectory("argminer-contract-");
        try
        {
            var model = Train();
            var path = Path.Combine(dir.FullName, "model.model");
            Save(model, path);
            var loaded = Load(path);
            var before = Outputs(model);
            var after = Outputs(loaded);
            Assert.NotEmpty(before);
            Assert.Equal(before.Count, after.Count);
            for (var i = 0; i < before.Count; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(before[i]), BitConverter.DoubleToInt64Bits(after[i]));
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Training twice and saving gives the same bytes.</summary>
    public void AssertTrainingIsDeterministic()
    {
        var dir = Directory.CreateTempSubdirectory("argminer-contract-");
        try
        {
            var a = Path.Combine(dir.FullName, "a.model");
            var b = Path.Combine(dir.FullName, "b.model");
            Save(Train(), a);
            Save(Train(), b);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
