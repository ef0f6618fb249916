using Clamp.Cli.Commands.Local;

namespace Clamp.Cli.Tests.Support;

/// <summary>The <c>clamp eval</c> / <c>clamp embed</c> inputs under Samples/eval (see Samples/README.md) and the bundled model.</summary>
public static class EvalSamples
{
    /// <summary>The model bundled beside the CLI (<c>models/clamp-small</c>).</summary>
    public static string Model => LocalModelOption.DefaultDirectory;

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", "eval", name);
}
