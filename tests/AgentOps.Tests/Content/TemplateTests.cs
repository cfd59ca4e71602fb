using AgentOps.Core.Validation;
using AgentOps.Tests.Build;
using AgentOps.Tests.Validation;

namespace AgentOps.Tests.Content;

/// <summary>
/// `dotnet new agentplugin` from the AgentOps.Templates package (packed from templates/ by the test,
/// installed into a throw-away template hive) creates a plugin that passes the plugin validator.
/// </summary>
[TestClass]
[TestCategory("Build")]
public sealed class TemplateTests
{
    private static readonly Lazy<(string Nupkg, string Log)> Packed = new(() =>
    {
        var output = Path.Combine(Path.GetTempPath(), "aop-templates-" + Guid.NewGuid().ToString("N")[..10]);
        var result = ProcessRunner.Dotnet(ContentRepo.Root, "pack", Path.Combine("templates", "AgentOps.Templates.csproj"), "-o", output, "-nologo");
        var nupkg = Directory.Exists(output) ? Directory.EnumerateFiles(output, "AgentOps.Templates.*.nupkg").FirstOrDefault() : null;
        return (nupkg ?? "", $"exit {result.ExitCode}\n{result.All}");
    });

    private static string InstallIntoHive(TempDir temp)
    {
        var (nupkg, log) = Packed.Value;
        Assert.IsTrue(File.Exists(nupkg), "dotnet pack templates/AgentOps.Templates.csproj failed:\n" + log);
        var hive = temp.File("hive");
        var install = ProcessRunner.Dotnet(temp.Path, "new", "install", nupkg, "--debug:custom-hive", hive);
        Assert.AreEqual(0, install.ExitCode, install.All);
        StringAssert.Contains(install.All, "agentplugin");
        return hive;
    }

    [TestMethod]
    public void New_agentplugin_creates_a_plugin_that_passes_the_validator()
    {
        using var temp = new TempDir();
        var hive = InstallIntoHive(temp);
        Directory.CreateDirectory(temp.File("work"));
        var created = ProcessRunner.Dotnet(temp.File("work"), "new", "agentplugin", "-n", "my-plugin", "--debug:custom-hive", hive);
        Assert.AreEqual(0, created.ExitCode, created.All);

        var plugin = temp.File("work/my-plugin");
        foreach (var file in new[] { "my-plugin.agentplugin", "commands/hello.md", "agents/helper.md", "README.md", "LICENSE", "assets/icon.png" })
            Assert.IsTrue(File.Exists(Path.Combine(plugin, file)), $"{file} missing from the new plugin");
        StringAssert.Contains(File.ReadAllText(Path.Combine(plugin, "my-plugin.agentplugin")), "<PluginDependency Include=\"agentops-core\" Version=\"^1.0.0\" />");
        Assert.IsFalse(Directory.Exists(Path.Combine(plugin, ".template.config")), "template metadata is not copied into the plugin");
        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(ContentRepo.Root, "templates", "agentplugin", "assets", "icon.png")),
            File.ReadAllBytes(Path.Combine(plugin, "assets", "icon.png")), "the icon PLUGIN_STANDARDS asks for, copied byte for byte");
        StringAssert.Contains(File.ReadAllText(Path.Combine(plugin, "my-plugin.agentplugin")), "<PluginIcon>./assets/icon.png</PluginIcon>");

        var copy = ContentRepo.CopyWithManifest(plugin, temp.File("validated"));
        var diagnostics = PluginFolderValidator.Validate(copy);
        Assert.AreEqual(0, diagnostics.Count, string.Join("\n", diagnostics));
    }

    [TestMethod]
    public void Name_description_category_and_no_core_dependency_are_applied_everywhere()
    {
        using var temp = new TempDir();
        var hive = InstallIntoHive(temp);
        Directory.CreateDirectory(temp.File("work"));
        var created = ProcessRunner.Dotnet(temp.File("work"), "new", "agentplugin", "-n", "acme-tools", "--description", "Release helpers for Acme.",
            "--category", "devops", "--no-core-dependency", "--debug:custom-hive", hive);
        Assert.AreEqual(0, created.ExitCode, created.All);

        var plugin = temp.File("work/acme-tools");
        var project = File.ReadAllText(Path.Combine(plugin, "acme-tools.agentplugin"));
        StringAssert.Contains(project, "<Description>Release helpers for Acme.</Description>");
        StringAssert.Contains(project, "<PluginCategory>devops</PluginCategory>");
        Assert.IsFalse(project.Contains("PluginDependency", StringComparison.Ordinal), project);
        StringAssert.Contains(File.ReadAllText(Path.Combine(plugin, "commands", "hello.md")), "/acme-tools:hello");
        StringAssert.Contains(File.ReadAllText(Path.Combine(plugin, "README.md")), "Release helpers for Acme.");
        foreach (var file in Directory.EnumerateFiles(plugin, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (var placeholder in new[] { "my-plugin", "PLUGIN_DESCRIPTION", "PLUGIN_CATEGORY", "COPYRIGHT_YEAR" })
                Assert.IsFalse(text.Contains(placeholder, StringComparison.Ordinal), $"{file} still contains {placeholder}");
        }
        var diagnostics = PluginFolderValidator.Validate(ContentRepo.CopyWithManifest(plugin, temp.File("validated")));
        Assert.AreEqual(0, diagnostics.Count, string.Join("\n", diagnostics));
    }
}
