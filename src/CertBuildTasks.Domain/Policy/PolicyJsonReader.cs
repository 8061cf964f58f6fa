using System.Collections.Immutable;
using System.Globalization;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using CertBuildTasks.Topology;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Policy;

/// <summary>
/// Maps a schema-valid policy document to the model, filling in every default and recording its name
/// so it can be reported. Values are kept as written (e.g. "sha1"); rules judge them.
/// </summary>
public static class PolicyJsonReader
{
    /// <summary>The policy used when the project has no CertPolicy item.</summary>
    public static CertificatePolicy BuiltIn { get; } = Read(new JObject(), string.Empty);

    public static CertificatePolicy Read(JToken root, string path)
    {
        var json = new JsonLocations(path);
        var doc = (JObject)root;
        var fallback = path.Length == 0 ? SourceLocation.None : new SourceLocation(path, 1, 1);
        var defaulted = new List<string>();

        Located<T> Or<T>(Located<T>? value, T @default, string name)
        {
            if (value is not null)
            {
                return value;
            }

            defaulted.Add(name + " = " + SchemaSpelling(@default));
            return new Located<T>(@default, fallback);
        }

        var keySize = Or(json.Int(doc, "keySize"), PolicyDefaults.KeySize, "keySize");
        var keyAlgorithm = Or(json.String(doc, "keyAlgorithm"), PolicyDefaults.KeyAlgorithm, "keyAlgorithm");
        var provider = Or(json.String(doc, "cryptoProvider"), PolicyDefaults.CryptoProvider, "cryptoProvider");
        var hash = Or(json.String(doc, "hashAlgorithm"), PolicyDefaults.HashAlgorithm, "hashAlgorithm");

        var cas = JsonLocations.Object(doc, "certificateAuthorities") ?? new JObject();
        var internalCa = JsonLocations.Object(cas, "internal") ?? new JObject();
        var publicCa = JsonLocations.Object(cas, "public") ?? new JObject();
        var caConfig = json.String(internalCa, "config");
        if (caConfig is null)
        {
            defaulted.Add("certificateAuthorities.internal.config = (none: the CA is found in Active Directory by Request-CsCertificate; certreq requests become offline)");
        }

        var template = Or(json.String(internalCa, "template"), PolicyDefaults.Template, "certificateAuthorities.internal.template");

        var subject = JsonLocations.Object(doc, "subject") ?? new JObject();
        var rdns = new SubjectRdns(
            json.String(subject, "organization"),
            json.String(subject, "organizationalUnit"),
            json.String(subject, "locality"),
            json.String(subject, "state"),
            json.String(subject, "country"));

        var friendlyName = Or(json.String(doc, "friendlyName"), PolicyDefaults.FriendlyNamePattern, "friendlyName");
        var layout = JsonLocations.Object(doc, "layout") ?? new JObject();
        var webLayout = Or(Parse<WebServicesLayout>(json.String(layout, "webServices")), WebServicesLayout.Combined, "layout.webServices");
        var avLayout = Or(Parse<AudioVideoLayout>(json.String(layout, "audioVideo")), AudioVideoLayout.Shared, "layout.audioVideo");
        var wildcards = JsonLocations.Object(doc, "wildcards") ?? new JObject();
        var wildcardSimpleUrls = Or(json.Bool(wildcards, "simpleUrls"), false, "wildcards.simpleUrls");
        var pic = Or(json.Bool(doc, "publicImConnectivity"), false, "publicImConnectivity");
        var expiry = Or(json.Int(doc, "expiryWarningDays"), PolicyDefaults.ExpiryWarningDays, "expiryWarningDays");

        var certificates = JsonLocations.Object(doc, "certificates") ?? new JObject();
        var kinds = ImmutableDictionary.CreateBuilder<CertificateKind, KindPolicy>();
        foreach (var kind in (CertificateKind[])Enum.GetValues(typeof(CertificateKind)))
        {
            var own = JsonLocations.Object(certificates, kind.JsonName());
            var settings = own ?? new JObject();
            var ownAuthority = Parse<AuthorityKind>(json.String(settings, "authority"));
            var authority = ownAuthority ?? new Located<AuthorityKind>(PolicyDefaults.Authority(kind), fallback);
            var ownMode = Parse<RequestMode>(json.String(settings, "requestMode"));
            var mode = ownMode ?? new Located<RequestMode>(PolicyDefaults.RequestMode(kind, authority.Value, caConfig is not null), fallback);
            var exportable = json.Bool(settings, "exportable")
                ?? (PolicyDefaults.Exportable(kind) is { } e ? new Located<bool>(e, fallback) : null);
            var ownKeySize = json.Int(settings, "keySize");
            kinds[kind] = new KindPolicy(
                kind,
                authority,
                ownAuthority is not null,
                mode,
                ownMode is not null,
                exportable,
                ownKeySize ?? keySize,
                ownKeySize is not null,
                json.String(settings, "template") ?? template,
                ImmutableArray.CreateRange(json.Strings(settings, "additionalNames")),
                own is null ? fallback : json.OfProperty(certificates, kind.JsonName()));
        }

        return new CertificatePolicy(
            path,
            keySize,
            keyAlgorithm,
            provider,
            hash,
            caConfig,
            json.String(publicCa, "name"),
            rdns,
            friendlyName,
            webLayout,
            avLayout,
            wildcardSimpleUrls,
            pic,
            expiry,
            kinds.ToImmutable(),
            ImmutableArray.CreateRange(defaulted),
            path.Length == 0 ? SourceLocation.None : json.Of(doc));
    }

    private static Located<T>? Parse<T>(Located<string>? value)
        where T : struct, Enum =>
        value is not null && Enum.TryParse<T>(value.Value, ignoreCase: true, out var parsed)
            ? new Located<T>(parsed, value.Location)
            : null;

    /// <summary>A default as the policy file would write it (the schema's spelling): combined, false, 2048.</summary>
    private static string SchemaSpelling(object? value) => value switch
    {
        bool b => b ? "true" : "false",
        Enum e => e.ToString().ToLowerInvariant(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "null",
    };
}
