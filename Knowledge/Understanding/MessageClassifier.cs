using System.Collections.Frozen;
using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace OneStopBot.Knowledge.Understanding;

/// <summary>
/// A multiclass maximum-entropy model over <see cref="TextFeatures"/>, trained with ML.NET. Its weights are copied
/// out after training, so predicting is a sparse dot product and a softmax: thread-safe, allocation-light and free of
/// ML.NET's per-call prediction engines.
/// </summary>
internal sealed class MessageClassifier
{
    private const float L2Regularization = 0.02f;
    private const int MaximumIterations = 200;

    private readonly FrozenDictionary<string, int> featureIndex;
    private readonly float[] weights;
    private readonly float[] biases;
    private readonly FrozenDictionary<string, int> labelIndex;

    private MessageClassifier(FrozenDictionary<string, int> featureIndex, float[] weights, float[] biases, IReadOnlyList<string> labels)
    {
        this.featureIndex = featureIndex;
        this.weights = weights;
        this.biases = biases;
        Labels = labels;
        labelIndex = labels.Select((label, i) => (label, i)).ToFrozenDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The classes, in the order of the probabilities <see cref="Predict"/> returns.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The position of <paramref name="label"/> in <see cref="Labels"/>.</summary>
    public int IndexOf(string label) => labelIndex[label];

    /// <summary>Learns from <paramref name="rows"/>: each a message's features and its label.</summary>
    public static MessageClassifier Train(IReadOnlyList<(Dictionary<string, float> Features, string Label)> rows)
    {
        var labels = rows.Select(r => r.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var labelIndex = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        var features = rows.SelectMany(r => r.Features.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((feature, i) => (feature, i))
            .ToFrozenDictionary(p => p.feature, p => p.i, StringComparer.Ordinal);

        var ml = new MLContext(seed: 1);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features.Count);
        schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), labels.Count);
        // Materialised once: the trainer reads the data many times.
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => ToRow(r.Features, features, (uint)labelIndex[r.Label])).ToList(), schema);
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L2Regularization = L2Regularization,
            L1Regularization = 0,
            MaximumNumberOfIterations = MaximumIterations,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data).Model;

        VBuffer<float>[] perClass = [];
        model.GetWeights(ref perClass, out var classCount);
        // Feature-major, so a message's few features read adjacent memory for all classes.
        var weights = new float[features.Count * classCount];
        for (var c = 0; c < classCount; c++)
        {
            foreach (var (index, value) in perClass[c].Items())
            {
                weights[(index * classCount) + c] = value;
            }
        }

        return new MessageClassifier(features, weights, model.GetBiases().ToArray(), labels);
    }

    /// <summary>The probability of each of <see cref="Labels"/>; <paramref name="known"/> counts the features seen in training.</summary>
    public float[] Predict(Dictionary<string, float> features, out int known)
    {
        var classes = biases.Length;
        var scores = new float[classes];
        known = 0;
        var squares = 0f;
        foreach (var (feature, value) in features)
        {
            if (!featureIndex.TryGetValue(feature, out var index))
            {
                continue;
            }

            known++;
            squares += value * value;
            var row = weights.AsSpan(index * classes, classes);
            for (var c = 0; c < classes; c++)
            {
                scores[c] += row[c] * value;
            }
        }

        // Scaled to unit length as in training; words never seen carry nothing, so they dilute nothing either.
        var scale = squares > 0 ? 1 / MathF.Sqrt(squares) : 0;
        for (var c = 0; c < classes; c++)
        {
            scores[c] = (scores[c] * scale) + biases[c];
        }

        var max = scores.Max();
        var sum = 0f;
        for (var c = 0; c < classes; c++)
        {
            scores[c] = MathF.Exp(scores[c] - max);
            sum += scores[c];
        }

        for (var c = 0; c < classes; c++)
        {
            scores[c] /= sum;
        }

        return scores;
    }

    /// <summary>Writes trained models: what they were trained on, then each one's labels, features, weights (as half floats), biases.</summary>
    public static void Save(Stream stream, string fingerprint, IReadOnlyList<MessageClassifier> classifiers)
    {
        using var writer = new BinaryWriter(new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true));
        writer.Write(fingerprint);
        writer.Write(classifiers.Count);
        foreach (var classifier in classifiers)
        {
            classifier.Write(writer);
        }
    }

    /// <summary>Reads the models written by <see cref="Save"/>; null when they were trained on other data than <paramref name="fingerprint"/>.</summary>
    public static IReadOnlyList<MessageClassifier>? Load(Stream stream, string fingerprint)
    {
        using var reader = new BinaryReader(new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true));
        if (reader.ReadString() != fingerprint)
        {
            return null;
        }

        var classifiers = new MessageClassifier[reader.ReadInt32()];
        for (var i = 0; i < classifiers.Length; i++)
        {
            classifiers[i] = Read(reader);
        }

        return classifiers;
    }

    private void Write(BinaryWriter writer)
    {
        writer.Write(Labels.Count);
        foreach (var label in Labels)
        {
            writer.Write(label);
        }

        var features = featureIndex.OrderBy(f => f.Value).Select(f => f.Key).ToList();
        writer.Write(features.Count);
        foreach (var feature in features)
        {
            writer.Write(feature);
        }

        foreach (var weight in weights)
        {
            writer.Write((Half)weight);
        }

        foreach (var bias in biases)
        {
            writer.Write(bias);
        }
    }

    private static MessageClassifier Read(BinaryReader reader)
    {
        var labels = new string[reader.ReadInt32()];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = reader.ReadString();
        }

        var features = new Dictionary<string, int>(StringComparer.Ordinal);
        var featureCount = reader.ReadInt32();
        for (var i = 0; i < featureCount; i++)
        {
            features[reader.ReadString()] = i;
        }

        var weights = new float[featureCount * labels.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)reader.ReadHalf();
        }

        var biases = new float[labels.Length];
        for (var i = 0; i < biases.Length; i++)
        {
            biases[i] = reader.ReadSingle();
        }

        return new MessageClassifier(features.ToFrozenDictionary(StringComparer.Ordinal), weights, biases, labels);
    }

    private static Row ToRow(Dictionary<string, float> features, FrozenDictionary<string, int> index, uint label)
    {
        var norm = MathF.Sqrt(features.Values.Sum(v => v * v));
        var pairs = features.Select(f => (Index: index[f.Key], Value: f.Value / norm)).OrderBy(p => p.Index).ToArray();
        return new Row
        {
            Label = label,
            Features = new VBuffer<float>(index.Count, pairs.Length, pairs.Select(p => p.Value).ToArray(), pairs.Select(p => p.Index).ToArray()),
        };
    }

    private sealed class Row
    {
        public uint Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }
}
