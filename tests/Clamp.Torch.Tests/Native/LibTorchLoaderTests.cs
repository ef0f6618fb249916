using Clamp.Torch.Native;
using TorchSharp;

namespace Clamp.Torch.Tests.Native;

public sealed class LibTorchLoaderTests
{
    private static string TorchSharpLibrary => Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    [Fact]
    public void Torch_computes_after_loading()
    {
        LibTorchLoader.EnsureLoaded();

        using var sum = torch.arange(1, 5, dtype: torch.ScalarType.Float32).sum();
        Assert.Equal(10f, sum.item<float>());
    }

    [Fact]
    public void Marks_the_glibcxx_version_need_weak()
    {
        var bytes = File.ReadAllBytes(TorchSharpLibrary);

        ElfVersionNeeds.MarkWeak(bytes, LibTorchLoader.RequiredVersion);

        Assert.Equal(0x2, ElfVersionNeeds.FlagsOf(bytes, LibTorchLoader.RequiredVersion)!.Value & 0x2);
        Assert.Null(ElfVersionNeeds.FlagsOf(bytes, "GLIBCXX_9.9.99"));
    }

    [Fact]
    public void Leaves_other_version_needs_unchanged()
    {
        var bytes = File.ReadAllBytes(TorchSharpLibrary);
        var before = ElfVersionNeeds.FlagsOf(bytes, "GLIBCXX_3.4.19");

        ElfVersionNeeds.MarkWeak(bytes, LibTorchLoader.RequiredVersion);

        Assert.NotNull(before);
        Assert.Equal(before, ElfVersionNeeds.FlagsOf(bytes, "GLIBCXX_3.4.19"));
    }

    [Fact]
    public void Rejects_a_file_that_is_not_elf()
    {
        Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.FlagsOf(new byte[128], LibTorchLoader.RequiredVersion));
    }
}
