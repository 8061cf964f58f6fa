namespace CertBuildTasks.Policy;

/// <summary>Who issues a certificate: the organisation's enterprise CA or a public CA.</summary>
public enum AuthorityKind
{
    Internal,
    Public,
}

/// <summary>How a certificate is requested (PRODUCT.md, plan field requestMode).</summary>
public enum RequestMode
{
    /// <summary>Request-CsCertificate online against an enterprise CA.</summary>
    Cmdlet,

    /// <summary>certreq -new/-submit/-accept on the requesting server.</summary>
    Certreq,

    /// <summary>An INF or CSR handed to a CA by hand, then certreq -accept.</summary>
    Offline,
}

/// <summary>Whether Default, WebServicesInternal and WebServicesExternal share one certificate.</summary>
public enum WebServicesLayout
{
    Combined,
    Separate,
}

/// <summary>Whether AudioVideoAuthentication shares the Edge external certificate or has its own.</summary>
public enum AudioVideoLayout
{
    Shared,
    Separate,
}
