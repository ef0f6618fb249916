using Clamp.Cli.Tests.Support;

namespace Clamp.Cli.Tests;

/// <summary>
/// <c>clamp</c> installed as a .NET tool from the package the build makes: it installs and runs without NuGet warnings,
/// searches a folder of scores with the model inside the package, and carries no training stack (TorchSharp, libtorch).
/// Packing and installing take about half a minute, once for the class (trait Category=ToolPackage).
/// </summary>
[Trait("Category", "ToolPackage")]
public sealed class ToolPackageTests(InstalledTool tool) : IClassFixture<InstalledTool>
{
    [Fact]
    public void Restoring_packing_and_installing_print_no_NuGet_warnings()
    {
        Assert.Contains("was successfully installed", tool.SetupOutput);
        Assert.DoesNotContain("NU1603", tool.SetupOutput);
        Assert.DoesNotContain("warning NU", tool.SetupOutput);
    }

    [Fact]
    public async Task The_installed_command_prints_its_help_and_nothing_else()
    {
        var (exitCode, output, error) = await tool.RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output);
        Assert.Contains("eval", output);
        Assert.Equal("", error);
        Assert.DoesNotContain("warning", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Local_search_over_the_bundled_samples_uses_the_model_inside_the_package()
    {
        using var scores = new ScoreDirectory();
        foreach (var file in Directory.GetFiles(Path.Combine(InstalledTool.RepositoryRoot, "samples", "abc"), "*.abc"))
            scores.Write(Path.GetFileName(file), File.ReadAllBytes(file));

        var (exitCode, output, error) = await tool.RunAsync("search", scores.Path, "a jig", "--k", "5", "--json");

        Assert.True(exitCode == 0, error);
        Assert.Contains("(model clamp-small@", error);
        var paths = LocalScores.Paths(JsonLastLine.Of(output));
        Assert.Equal(5, paths.Count);
        Assert.All(paths, path => Assert.Matches(@"^[a-z-]+\.abc#\d+$", path));
        Assert.DoesNotContain("warning", output + error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_tool_has_the_bundled_model_and_no_training_stack_or_GPU_providers()
    {
        var files = tool.Files();

        Assert.Contains(files, f => f.EndsWith(Path.Combine("models", "clamp-small", "manifest.json"), StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("libonnxruntime.so", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("torch", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => f.Contains("Clamp.Training", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("libonnxruntime_providers_cuda", StringComparison.Ordinal));
    }
}
