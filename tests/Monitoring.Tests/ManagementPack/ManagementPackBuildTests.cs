using Monitoring.ManagementPack;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.ManagementPack;

public sealed class ManagementPackBuildTests
{
    [Fact]
    public void Build_FromTheSources_IsByteForByteTheCommittedFile()
    {
        var built = ManagementPackBuilder.Build(PackFiles.SourceDirectory);

        // When this fails: run `dotnet run --project src/Monitoring.ManagementPack` and commit management-pack/Monitoring.Virtualization.xml.
        Assert.Equal(File.ReadAllText(PackFiles.OursPath), built);
    }

    [Fact]
    public void Build_StampsTheVersionAndTheHealthModelsThresholds()
    {
        var root = System.Xml.Linq.XDocument.Parse(ManagementPackBuilder.Build(PackFiles.SourceDirectory)).Root!;
        var cpu = root.Descendants("UnitMonitor").Single(m => (string?)m.Attribute("ID") == "Monitoring.Virtualization.Host.CpuPressure");
        var thresholds = Monitoring.HealthModel.Settings.StandardMonitors.HostCpu.Thresholds!;

        Assert.Equal(File.ReadAllText(Path.Combine(PackFiles.SourceDirectory, "VERSION")).Trim(), root.Element("Manifest")!.Element("Identity")!.Element("Version")!.Value);
        Assert.Equal(thresholds.Warning, double.Parse(cpu.Descendants("WarningThreshold").Single().Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(thresholds.Critical, double.Parse(cpu.Descendants("CriticalThreshold").Single().Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("$Build/", root.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownTokenOrWrongRoot_NamesTheFile()
    {
        using var temp = new TempDirectory();
        CopySources(temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "Broken.mpx"), "<ManagementPackFragment><Monitoring><Rules><Rule ID=\"x\">$Build/Thresold[host.cpu]/Warning$</Rule></Rules></Monitoring></ManagementPackFragment>");

        var error = Assert.Throws<ManagementPackBuildException>(() => ManagementPackBuilder.Build(temp.Path));
        Assert.StartsWith("Broken.mpx: unknown build token $Build/Thresold[host.cpu]/Warning$", error.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(temp.Path, "Broken.mpx"), "<ManagementPack />");
        Assert.EndsWith("Broken.mpx: the root element is <ManagementPack>; expected <ManagementPackFragment>", Assert.Throws<ManagementPackBuildException>(() => ManagementPackBuilder.Build(temp.Path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_StaleCommittedFile_ExitsOneAndSaysSo()
    {
        using var temp = new TempDirectory();
        CopySources(Path.Combine(temp.Path, "src"));
        var target = Path.Combine(temp.Path, "Monitoring.Virtualization.xml");
        File.WriteAllText(target, File.ReadAllText(PackFiles.OursPath).Replace("Virtualization Host", "Virtualisation Host", StringComparison.Ordinal));
        var output = new StringWriter();

        var stale = BuildCommand.Run(["--source", Path.Combine(temp.Path, "src"), "--out", target, "--check"], temp.Path, output, TextWriter.Null);
        var written = BuildCommand.Run(["--source", Path.Combine(temp.Path, "src"), "--out", target], temp.Path, TextWriter.Null, TextWriter.Null);
        var current = BuildCommand.Run(["--source", Path.Combine(temp.Path, "src"), "--out", target, "--check"], temp.Path, TextWriter.Null, TextWriter.Null);

        Assert.Equal((1, 0, 0), (stale, written, current));
        Assert.Contains("differs from what the fragments build", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(PackFiles.OursPath), File.ReadAllText(target));
    }

    private static void CopySources(string destination)
    {
        foreach (var file in Directory.EnumerateFiles(PackFiles.SourceDirectory, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(destination, Path.GetRelativePath(PackFiles.SourceDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }
}
