using System.Collections.Immutable;
using System.Globalization;
using System.Xml.Linq;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using N = CertBuildTasks.Topology.Xml.TopologyXmlNames;

namespace CertBuildTasks.Topology.Xml;

/// <summary>The parts that look the same in a .tbxml and a published document.</summary>
internal static class XmlCommonParts
{
    /// <summary>SIP domains: the DefaultDomain first, then every InternalDomain in document order.</summary>
    public static ImmutableArray<Located<string>> SipDomains(XElement? internalDomains, XmlLocations xml)
    {
        if (internalDomains is null)
        {
            return ImmutableArray<Located<string>>.Empty;
        }

        var domains = new List<Located<string>>();
        var seen = new HashSet<string>(DnsName.Comparer);
        if (xml.Attribute(internalDomains, "DefaultDomain") is { } defaultDomain && seen.Add(defaultDomain.Value))
        {
            domains.Add(defaultDomain);
        }

        foreach (var domain in internalDomains.Elements(N.Topology + "InternalDomain"))
        {
            if (xml.Attribute(domain, "Name") is { } name && seen.Add(name.Value))
            {
                domains.Add(name);
            }
        }

        return ImmutableArray.CreateRange(domains);
    }

    /// <summary>
    /// SimpleUrl[@Component, @Domain, @ActiveUrl]: Meet is per SIP domain; Dialin, Admin (also written
    /// Cscp) and WebScheduler are global. The active URL is the one whose host must be in the SAN.
    /// </summary>
    public static SimpleUrlSet? SimpleUrls(XElement? configuration, XmlLocations xml)
    {
        if (configuration is null)
        {
            return null;
        }

        var meet = new List<MeetUrl>();
        Located<string>? dialin = null, admin = null, webScheduler = null;
        foreach (var simpleUrl in configuration.Elements(N.SimpleUrl + "SimpleUrl"))
        {
            var url = xml.Attribute(simpleUrl, "ActiveUrl")
                ?? simpleUrl.Elements(N.SimpleUrl + "SimpleUrlEntry").Select(e => xml.Attribute(e, "Url")).FirstOrDefault(u => u is not null);
            if (url is null)
            {
                continue;
            }

            switch (simpleUrl.Attribute("Component")?.Value?.Trim().ToUpperInvariant())
            {
                case "MEET":
                    var domain = xml.Attribute(simpleUrl, "Domain") ?? new Located<string>("*", xml.Of(simpleUrl));
                    meet.Add(new MeetUrl(domain, url, xml.Of(simpleUrl)));
                    break;
                case "DIALIN":
                    dialin ??= url;
                    break;
                case "ADMIN" or "CSCP":
                    admin ??= url;
                    break;
                case "WEBSCHEDULER":
                    webScheduler ??= url;
                    break;
            }
        }

        return new SimpleUrlSet(ImmutableArray.CreateRange(meet), dialin, admin, webScheduler, xml.Of(configuration));
    }

    public static Located<int>? ServiceVersion(XElement service, XmlLocations xml) =>
        xml.Attribute(service, "ServiceVersion") is { } text && int.TryParse(text.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? new Located<int>(version, text.Location)
            : null;

    /// <summary>Machine FQDNs; a single-machine cluster's machine often has none (it is the cluster FQDN).</summary>
    public static ImmutableArray<Located<string>> MachineFqdns(IEnumerable<XElement> machines, XmlLocations xml) =>
        ImmutableArray.CreateRange(machines.Select(m => xml.Attribute(m, "Fqdn")).OfType<Located<string>>());
}
