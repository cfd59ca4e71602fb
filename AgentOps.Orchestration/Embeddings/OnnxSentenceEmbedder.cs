using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace AgentOps.Orchestration.Embeddings;

/// <summary>
/// Runs a BERT-family sentence-embedding model with ONNX Runtime on the CPU. Our own pipeline rather than the
/// SentenceTransformers wrapper's: texts are cut at <see cref="EmbeddingModel.MaxTokens"/> (the wrapper runs
/// every text at full length), batches are sorted by length so padding stays small, and the session loads a plain
/// file. Thread-safe: ONNX Runtime sessions accept concurrent Run calls.
/// </summary>
public sealed class OnnxSentenceEmbedder : ITextEmbedder, IDisposable
{
    const int BatchSize = 32;
    readonly InferenceSession session;
    readonly BertTokenizer tokenizer;
    readonly EmbeddingModel model;
    readonly bool hasTokenTypes;

    OnnxSentenceEmbedder(EmbeddingModel model, InferenceSession session, BertTokenizer tokenizer)
    {
        this.model = model;
        this.session = session;
        this.tokenizer = tokenizer;
        hasTokenTypes = session.InputMetadata.ContainsKey("token_type_ids");
    }

    public EmbeddingModel Model => model;
    public string ModelId => model.Id;
    public int Dimensions => model.Dimensions;

    /// <summary>Loads the model from <paramref name="folder"/> (model.onnx, vocab.txt).</summary>
    /// <param name="threads">ONNX Runtime threads per inference run. One by default: batches run in parallel instead
    /// (<see cref="Embed"/>), which costs less CPU per text than splitting each run (bench: semantic --throughput-only).</param>
    public static OnnxSentenceEmbedder Load(EmbeddingModel model, string folder, int? threads = null,
        GraphOptimizationLevel optimization = GraphOptimizationLevel.ORT_ENABLE_ALL, bool spinning = false)
    {
        NativeOnnxRuntime.EnsureLoadable();
        var options = new SessionOptions
        {
            GraphOptimizationLevel = optimization,
            IntraOpNumThreads = threads ?? 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        // Idle worker threads would otherwise spin between batches, burning CPU the rest of the machine needs.
        if (!spinning) options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        var session = new InferenceSession(Path.Combine(folder, ModelFiles.ModelFile), options);
        try
        {
            using var vocab = File.OpenRead(Path.Combine(folder, ModelFiles.VocabFile));
            var tokenizer = BertTokenizer.Create(vocab, new BertOptions { LowerCaseBeforeTokenization = true, IndividuallyTokenizeCjk = true });
            return new OnnxSentenceEmbedder(model, session, tokenizer);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public float[] EmbedQuery(string query) => Embed([model.QueryPrefix + query])[0];

    public float[][] EmbedQueries(IReadOnlyList<string> queries) => Embed(queries.Select(q => model.QueryPrefix + q).ToList());

    /// <summary>Token ids with [CLS] and [SEP], cut to the model's limit.</summary>
    public int[] Tokenize(string text)
    {
        var ids = tokenizer.EncodeToIds(text, model.MaxTokens, addSpecialTokens: true, out _, out _);
        return ids as int[] ?? ids.ToArray();
    }

    /// <summary>Share of a text's word pieces the vocabulary does not know ([UNK]): high for scripts the model never saw.</summary>
    public double UnknownShare(string text)
    {
        var ids = Tokenize(text);
        var inner = ids.Length - 2;
        if (inner <= 0) return 0;
        var unknown = tokenizer.EncodeToIds("[UNK]", addSpecialTokens: false) is { Count: 1 } u ? u[0] : 100;
        return (double)ids.Skip(1).Take(inner).Count(i => i == unknown) / inner;
    }

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        var result = new float[texts.Count][];
        var tokens = new int[texts.Count][];
        var order = new List<int>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(texts[i])) { result[i] = new float[Dimensions]; continue; }
            tokens[i] = Tokenize(texts[i]);
            order.Add(i);
        }
        // Similar lengths together: a batch is padded to its longest text.
        order.Sort((a, b) => tokens[a].Length.CompareTo(tokens[b].Length));
        var batches = Enumerable.Range(0, (order.Count + BatchSize - 1) / BatchSize)
            .Select(b => order.GetRange(b * BatchSize, Math.Min(BatchSize, order.Count - b * BatchSize))).ToList();
        // Batches run side by side on the one session (ONNX Runtime allows concurrent Run calls), one per core.
        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, batch =>
        {
            var vectors = RunBatch(batch.Select(i => tokens[i]).ToList());
            for (var j = 0; j < batch.Count; j++) result[batch[j]] = vectors[j];
        });
        return result;
    }

    float[][] RunBatch(IReadOnlyList<int[]> batch)
    {
        var rows = batch.Count;
        var width = batch.Max(t => t.Length);
        var ids = new long[rows * width];
        var mask = new long[rows * width];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < batch[r].Length; c++)
            {
                ids[r * width + c] = batch[r][c];
                mask[r * width + c] = 1;
            }
        long[] shape = [rows, width];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = hasTokenTypes ? OrtValue.CreateTensorValueFromMemory(new long[rows * width], shape) : null;
        var names = new List<string> { "input_ids", "attention_mask" };
        var values = new List<OrtValue> { idsValue, maskValue };
        if (typesValue is not null) { names.Add("token_type_ids"); values.Add(typesValue); }
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, names, values, ["last_hidden_state"]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var dims = Dimensions;
        var vectors = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            var v = new float[dims];
            if (model.Pooling == Pooling.Cls)
                hidden.Slice(r * width * dims, dims).CopyTo(v);
            else
            {
                var count = batch[r].Length;
                for (var c = 0; c < count; c++)
                    System.Numerics.Tensors.TensorPrimitives.Add(v, hidden.Slice((r * width + c) * dims, dims), v);
                System.Numerics.Tensors.TensorPrimitives.Divide(v, count, v);
            }
            VectorMath.NormaliseInPlace(v);
            vectors[r] = v;
        }
        return vectors;
    }

    public void Dispose() => session.Dispose();
}
