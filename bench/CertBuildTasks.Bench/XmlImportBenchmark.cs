using CertBuildTasks.Input;
using System.Globalization;
using System.Text;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;
using CertBuildTasks.Topology;
using CertBuildTasks.Validation;
using CertBuildTasks.Bundle;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Bench;

/// <summary>
/// Reads synthetic Topology Builder files of 10 to 10,000 Front End servers (pools of ten), converts
/// them to JSON and compares: XML validate time against JSON validate time, allocations, and whether
/// both plan the same plan.json bytes.
/// </summary>
public static class XmlImportBenchmark
{
    public static void Run(TextWriter output, int runs)
    {
        output.WriteLine("## Topology Builder import (validate = read + model + rules; same topology as .tbxml and as converted JSON)");
        output.WriteLine();
        output.WriteLine("| servers | .tbxml KB | validate .tbxml median ms | allocated MB | validate converted .json median ms | ratio .tbxml/.json | same plan.json bytes |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---|");
        var dir = Path.Combine(Path.GetTempPath(), "cbt-bench-xml-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        try
        {
            foreach (var servers in new[] { 10, 100, 1_000, 10_000 })
            {
                var xmlPath = Path.Combine(dir, $"topology-{servers}.tbxml");
                File.WriteAllText(xmlPath, TopologyBuilderFile(servers));

                ValidationResult? fromXml = null;
                var xml = Measure.Run(() => fromXml = InputValidator.Validate(InputFileReader.Files, xmlPath, null), runs);
                if (fromXml!.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
                {
                    throw new InvalidOperationException("synthetic .tbxml is invalid: " + error);
                }

                var jsonPath = Path.Combine(dir, $"topology-{servers}.json");
                File.WriteAllText(jsonPath, TopologyJsonWriter.Write(fromXml.Topology!));
                ValidationResult? fromJson = null;
                var json = Measure.Run(() => fromJson = InputValidator.Validate(InputFileReader.Files, jsonPath, null), runs);

                var same = PlanJsonWriter.Write(PlanStage.Run(fromXml.Topology!, fromXml.Policy!, BenchClock.RequestTime).Plan, "bench")
                    .AsSpan().SequenceEqual(PlanJsonWriter.Write(PlanStage.Run(fromJson!.Topology!, fromJson.Policy!, BenchClock.RequestTime).Plan, "bench"));
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {servers:N0} | {new FileInfo(xmlPath).Length / 1024.0:F0} | {xml.MedianMilliseconds:F1} | {xml.AllocatedBytes / 1048576.0:F1} | {json.MedianMilliseconds:F1} | {xml.MedianMilliseconds / json.MedianMilliseconds:F2} | {(same ? "yes" : "NO")} |"));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        output.WriteLine();
    }

    /// <summary>A .tbxml shaped like the real Contoso.tbxml: one site, Front End pools of ten with their services.</summary>
    internal static string TopologyBuilderFile(int servers)
    {
        const string Tb = "urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008";
        const string Wt = "urn:schema:Microsoft.Rtc.Management.Deploy.WritableTopology.2008";
        const string T = "urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008";
        const string Sr = "urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008";
        const string Su = "urn:schema:Microsoft.Rtc.Management.Settings.SimpleUrl.2008";
        var pools = (servers + 9) / 10;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TopologyBuilder xmlns="{Tb}"><NewTopology><PartialTopology xmlns="{Wt}">
            <InternalDomains DefaultDomain="contoso.com" xmlns="{T}"><InternalDomain Name="contoso.com" /></InternalDomains>
            <SimpleUrlConfiguration xmlns="{Su}">
              <SimpleUrl Component="Dialin" Domain="*" ActiveUrl="https://dialin.contoso.com" />
              <SimpleUrl Component="Meet" Domain="contoso.com" ActiveUrl="https://meet.contoso.com" />
            </SimpleUrlConfiguration>
            <CentralSites><CentralSite SiteId="1"><Name xmlns="{T}">Bench</Name><Clusters>

            """);
        for (var p = 0; p < pools; p++)
        {
            text.Append(CultureInfo.InvariantCulture, $"<Cluster IsSingleMachineOnly=\"false\" UniqueId=\"{p:x8}-0000-0000-0000-000000000000\" Fqdn=\"pool{p}.contoso.com\"><Machines>");
            for (var s = 0; s < 10 && p * 10 + s < servers; s++)
            {
                text.Append(CultureInfo.InvariantCulture, $"<Machine Fqdn=\"fe{p * 10 + s}.contoso.com\" />");
            }

            text.Append("</Machines></Cluster>\n");
        }

        text.Append("</Clusters></CentralSite></CentralSites><Services>\n");
        for (var p = 0; p < pools; p++)
        {
            var id = $"{p:x8}-0000-0000-0000-000000000000";
            text.Append(CultureInfo.InvariantCulture, $"""
                <Service RoleName="UserServices" InstalledOn="{id}" ServiceVersion="7" />
                <Service RoleName="Registrar" InstalledOn="{id}" ServiceVersion="7"><RegistrarService IsDirector="false" xmlns="{Sr}" /></Service>
                <Service RoleName="WebServices" InstalledOn="{id}" ServiceVersion="7"><WebService xmlns="{Sr}"><ExternalSettings Host="web{p}.contoso.com" /></WebService></Service>

                """);
        }

        text.Append("</Services></PartialTopology></NewTopology></TopologyBuilder>\n");
        return text.ToString();
    }
}
