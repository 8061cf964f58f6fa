namespace CertBuildTasks.Cli.Arguments;

/// <summary>Every option of every command, each described once; the commands pick theirs (docs/cli.md lists them too).</summary>
internal static class Options
{
    public static readonly OptionSpec Topology = new("--topology", "FILE", "The topology: the JSON format, or Topology Builder / Get-CsTopology -AsXml XML (.tbxml, .xml).");
    public static readonly OptionSpec Overrides = new("--overrides", "FILE", "Facts the topology XML does not carry (CertTopologyOverrides): the product version, simple URLs, …");
    public static readonly OptionSpec Policy = new("--policy", "FILE", "The certificate policy (JSON); without it, the built-in policy (docs/planning.md).");
    public static readonly OptionSpec At = new("--at", "TIME", "'Now' for every clock-dependent check (CertValidationTime): Unix seconds or ISO 8601. Default: the current time (SOURCE_DATE_EPOCH when set).");
    public static readonly OptionSpec Sarif = new("--sarif", "FILE", "Also write the findings as a SARIF 2.1.0 log (for code scanning).");
    public static readonly OptionSpec Severity = new("--severity", "ID=LEVEL", "Report rule ID at LEVEL: error, warning, suggestion, silent, none or default. Decided last, over every configuration file.", Repeatable: true);
    public static readonly OptionSpec Config = new("--config", "FILE", "A .globalconfig or .editorconfig to read severities from (dotnet_diagnostic.ID.severity), besides those found above the inputs.", Repeatable: true);
    public static readonly OptionSpec Format = new("--format", "text|json", "How findings are printed: canonical lines (text, the default) or one JSON document on stdout (docs/cli.md).");
    public static readonly OptionSpec Quiet = new("--quiet", null, "Print only warnings and errors: no messages, no summary, no progress.");
    public static readonly OptionSpec Project = new("--project", "FILE", "Run as `dotnet build` of this project would (it is not read): its folder is the base of relative paths, its name titles the report and names the zip and the SARIF run. Default: the current folder, named after the topology's folder.");
    public static readonly OptionSpec Name = new("--name", "NAME", "The deployment's name when there is no --project: the report's title and <NAME>-certificates.zip. Default: the topology's folder name.");
    public static readonly OptionSpec RulesBaseUri = new("--rules-base-uri", "URI", "Where the rule pages are published (CertRulesHelpBaseUri): every help link points there. Default: the pages installed with the tool.");
    public static readonly OptionSpec Issued = new("--issued", "PATH", "Certificates the CA issued: a file (.cer, .crt, .pem, .der, .p7b, .p7c) or a folder of them; 'PATH;PlannedId=ID' pairs a file with its planned certificate.", Repeatable: true);
    public static readonly OptionSpec Roots = new("--roots", "PATH", "Roots (and intermediates) the issued certificates must chain to: a file or a folder of them; 'PATH;Role=Intermediate;Authority=internal|public' as the TrustedRootCertificate item's metadata.", Repeatable: true);
    public static readonly OptionSpec RequireAll = new("--require-all", null, "Every planned certificate must have an issued one (CertRequireAllIssued): a missing one is an error.");
    public static readonly OptionSpec Deployed = new("--deployed", "FILE", "The certificates in service: Get-CsCertificate output as JSON or CSV (Export-DeployedCertificates.ps1), or an exported certificate as 'FILE;Server=FQDN;Use=USE'.", Repeatable: true);
    public static readonly OptionSpec PlanOut = new("--out", "FILE", "Write plan.json here: the bytes of the bundle's plan.json for the same inputs (without issued certificates, which the bundle's records).");
    public static readonly OptionSpec BundleOut = new("--out", "DIR", "The bundle folder: new, empty, or an earlier bundle; it is replaced as a whole, and only when every check passed.");
    public static readonly OptionSpec Zip = new("--zip", "FILE", "The bundle's deterministic zip. Default: <NAME>-certificates.zip beside the bundle folder.");
    public static readonly OptionSpec FailureReport = new("--failure-report", "FILE", "When the run has errors, write report.html of what was found here (never into the bundle); a good run removes it.");
    public static readonly OptionSpec GenerateCsr = new("--generate-csr", null, "Make the keys and CSRs of centrally generated certificates (CertGenerateCsr), kept in --key-store.");
    public static readonly OptionSpec KeyStore = new("--key-store", "DIR", "Where centrally generated keys are kept (CertKeyStorePath); outside the bundle.");
    public static readonly OptionSpec KeyPasswordVariable = new("--key-password-variable", "NAME", "The environment variable holding the key store's password (CertKeyPasswordVariable).");
    public static readonly OptionSpec ConvertOut = new("--out", "FILE", "The JSON topology to write (a .json file that is none of the inputs).");
    public static readonly OptionSpec Overwrite = new("--overwrite", null, "Replace --out when it exists (it may hold edits).");
    public static readonly OptionSpec Schema = new("--schema", "FILE", "The topology schema on disk: the converted file's \"$schema\" points there, relative to it.");
    public static readonly OptionSpec Help = new("--help", null, "Show this help.");
    public static readonly OptionSpec HelpShort = new("-h", null, "Show this help.");

    /// <summary>What every command takes: how findings are judged and printed.</summary>
    public static readonly IReadOnlyList<OptionSpec> Reporting = [Severity, Config, Format, Quiet, RulesBaseUri];

    /// <summary>What every pipeline command takes besides its own.</summary>
    public static readonly IReadOnlyList<OptionSpec> Inputs = [Topology, Overrides, Policy, At, Project, Name, Sarif];
}
