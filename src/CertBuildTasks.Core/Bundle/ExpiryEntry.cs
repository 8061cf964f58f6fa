using CertBuildTasks.Issued;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Bundle;

/// <summary>How soon a certificate needs renewing, as the report colours it.</summary>
internal enum ExpiryUrgency
{
    /// <summary>Past its NotAfter.</summary>
    Expired,

    /// <summary>Inside the policy's warning window (expiryWarningDays): renew now.</summary>
    Urgent,

    /// <summary>Inside twice the window: plan the renewal.</summary>
    Soon,

    Ok,
}

/// <summary>
/// One certificate on the report's expiry timeline: one the CA issued (and the gate accepted) or one in
/// service on a server. The renew-by date is the start of the policy's warning window; OAuth and A/V
/// authentication certificates are staged (the new one is assigned ahead of its effective date), so
/// their renewal has to start before that date, not on it.
/// </summary>
internal sealed record ExpiryEntry(string Label, string? Anchor, string Usages, DateTimeOffset? NotBefore, DateTimeOffset NotAfter, bool Staged)
{
    public int DaysLeft(DateTimeOffset asOf) => (int)Math.Floor(Math.Clamp((NotAfter - asOf).TotalDays, -1e6, 1e6));

    /// <summary>The day the renewal should start: the warning window before the end, never before the start (saturating at the calendar's ends).</summary>
    public DateTimeOffset RenewBy(int windowDays)
    {
        var by = ValidationTime.AddDaysSaturating(NotAfter, -windowDays);
        return NotBefore is { } start && by < start ? start : by;
    }

    public ExpiryUrgency Urgency(DateTimeOffset asOf, int windowDays) => DaysLeft(asOf) switch
    {
        < 0 => ExpiryUrgency.Expired,
        var d when d <= windowDays => ExpiryUrgency.Urgent,
        var d when d <= 2L * windowDays => ExpiryUrgency.Soon,
        _ => ExpiryUrgency.Ok,
    };

    /// <summary>An issued certificate the gate accepted, under its planned certificate's id.</summary>
    public static ExpiryEntry Of(PlannedCertificate planned, IssuedRecord issued) =>
        new(planned.Id, planned.Id, string.Join(", ", planned.Usages), issued.NotBefore, issued.NotAfter, IsStaged(planned.Usages));

    /// <summary>A certificate in service on a server (its start is not in Get-CsCertificate's output).</summary>
    public static ExpiryEntry Of(Deployed.DeployedCertificate deployed) =>
        new(deployed.Server, null, string.Join(", ", deployed.Usages), null, deployed.NotAfter, IsStaged(deployed.Usages));

    private static bool IsStaged(IEnumerable<string> usages) =>
        usages.Any(u => u is LyncUsage.OAuthTokenIssuer or LyncUsage.AudioVideoAuthentication);
}
