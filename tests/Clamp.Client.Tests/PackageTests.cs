using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using Clamp.Cli.Tests.Support;

namespace Clamp.Client.Tests;

/// <summary><c>dotnet pack shared/Clamp.Client</c> makes a package a service can use on its own.</summary>
public sealed class PackageTests
{
    [Fact]
    public async Task The_package_holds_the_client_the_contracts_and_the_readme_and_depends_on_served_packages_only()
    {
        var folder = Directory.CreateTempSubdirectory("clamp-client-pack-").FullName;
        try
        {
            var project = Path.Combine(InstalledTool.RepositoryRoot, "shared", "Clamp.Client", "Clamp.Client.csproj");
            var configuration = typeof(PackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            var (exitCode, output, error) = await ChildProcess.RunAsync("dotnet", ["pack", project, "-c", configuration, "--no-build", "-o", folder], TimeSpan.FromMinutes(5));
            Assert.True(exitCode == 0, output + error);

            using var package = ZipFile.OpenRead(Directory.GetFiles(folder, "Clamp.Client.*.nupkg").Single());
            var entries = package.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("lib/net10.0/Clamp.Client.dll", entries);
            Assert.Contains("lib/net10.0/Clamp.Contracts.dll", entries);
            Assert.Contains("README.md", entries);
            using var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open();
            var dependencies = XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).ToList();
            Assert.Contains("Grpc.Net.ClientFactory", dependencies);
            Assert.DoesNotContain("Clamp.Contracts", dependencies);
            Assert.DoesNotContain("Grpc.AspNetCore", dependencies);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
