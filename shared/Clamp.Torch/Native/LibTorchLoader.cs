using System.Text;
using TorchSharp;

namespace Clamp.Torch.Native;

/// <summary>
/// Makes TorchSharp's native library loadable on systems whose libstdc++ is older than the one it was built with
/// (Debian 12: no GLIBCXX_3.4.32). The only symbol of that version (<c>std::ios_base_library_init</c>) is never
/// relocated, so marking the version weak in the copy of <c>libLibTorchSharp.so</c> in the application folder is
/// enough. Nothing is changed where the system library has the version. Call <see cref="EnsureLoaded"/> before
/// any other TorchSharp call.
/// </summary>
public static class LibTorchLoader
{
    public const string RequiredVersion = "GLIBCXX_3.4.32";
    private const string LibraryName = "libLibTorchSharp.so";
    private static readonly Lock Gate = new();
    private static bool _loaded;

    private static readonly string[] StdCppCandidates =
    [
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
    ];

    /// <summary>Patches the library if needed, loads libtorch, and sets the number of CPU threads (0 = leave it).</summary>
    public static void EnsureLoaded(int threads = 0)
    {
        lock (Gate)
        {
            if (!_loaded)
            {
                if (OperatingSystem.IsLinux() && !SystemLibStdCppHas(RequiredVersion))
                {
                    foreach (var library in TorchSharpLibraries())
                    {
                        PatchFile(library);
                    }
                }

                torch.InitializeDeviceType(DeviceType.CPU);
                _loaded = true;
            }

            if (threads > 0)
            {
                torch.set_num_threads(threads);
            }
        }
    }

    /// <summary>Marks <see cref="RequiredVersion"/> weak in the file; true when the file was changed.</summary>
    public static bool PatchFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (ElfVersionNeeds.FlagsOf(bytes, RequiredVersion) is null || !ElfVersionNeeds.MarkWeak(bytes, RequiredVersion))
        {
            return false;
        }

        var temporary = path + ".patching";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        return true;
    }

    private static IEnumerable<string> TorchSharpLibraries() =>
        new[]
        {
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", LibraryName),
            Path.Combine(AppContext.BaseDirectory, LibraryName),
        }.Where(File.Exists);

    private static bool SystemLibStdCppHas(string version)
    {
        var needle = Encoding.ASCII.GetBytes(version + "\0");
        var library = StdCppCandidates.FirstOrDefault(File.Exists);
        return library is not null && File.ReadAllBytes(library).AsSpan().IndexOf(needle) >= 0;
    }
}
