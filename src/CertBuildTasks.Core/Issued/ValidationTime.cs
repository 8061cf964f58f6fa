using System.Globalization;

namespace CertBuildTasks.Issued;

/// <summary>
/// "Now" for every clock-dependent check: CertValidationTime — Unix seconds (SOURCE_DATE_EPOCH's form)
/// or an ISO 8601 time — so results are reproducible; the build time when it is empty.
/// </summary>
public static class ValidationTime
{
    /// <summary>
    /// <paramref name="time"/> plus <paramref name="days"/>, saturating at the ends of the calendar: a
    /// CertValidationTime of 9999-12-31 (or a deployed date of year 1) never overflows a check.
    /// </summary>
    public static DateTimeOffset AddDaysSaturating(DateTimeOffset time, int days)
    {
        var room = days >= 0 ? (DateTimeOffset.MaxValue - time).TotalDays : (time - DateTimeOffset.MinValue).TotalDays;
        return Math.Abs(days) >= room ? (days >= 0 ? DateTimeOffset.MaxValue : DateTimeOffset.MinValue) : time.AddDays(days);
    }

    public static bool TryParse(string? value, DateTimeOffset now, out DateTimeOffset time)
    {
        time = now;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var text = value.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            try
            {
                time = DateTimeOffset.FromUnixTimeSeconds(seconds);
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
