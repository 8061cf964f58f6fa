using System.Globalization;
using System.Text;

namespace CertBuildTasks.Bundle;

/// <summary>
/// The report's expiry timeline: every certificate with a known end (issued and accepted by the gate,
/// or in service), earliest first, its bar coloured by urgency against the policy's warning window, a
/// line at the build's day, the days left and the day its renewal should start.
/// </summary>
internal static class ReportExpiry
{
    public const string IssuedSource = "issued";

    public const string InServiceSource = "in service";

    /// <summary>Issued certificates first, then those in service, each set earliest end first.</summary>
    public static IReadOnlyList<(string Source, ExpiryEntry Entry)> Entries(ReportContent content)
    {
        var entries = new List<(string, ExpiryEntry)>();
        if (content.Plan is { } plan)
        {
            foreach (var c in plan.Certificates)
            {
                if (content.Issued.TryGetValue(c.Id, out var issued))
                {
                    entries.Add((IssuedSource, ExpiryEntry.Of(c, issued)));
                }
            }
        }

        entries.AddRange(content.Deployed.Select(d => (InServiceSource, ExpiryEntry.Of(d))));

        return [.. entries.OrderBy(e => e.Item1 == IssuedSource ? 0 : 1).ThenBy(e => e.Item2.NotAfter).ThenBy(e => e.Item2.Label, StringComparer.Ordinal)];
    }

    public static void Write(StringBuilder sb, ReportContent content, IReadOnlyList<(string Source, ExpiryEntry Entry)> entries)
    {
        var issued = entries.Where(e => e.Source == IssuedSource).Select(e => e.Entry).ToList();
        if (issued.Count == 0)
        {
            return;
        }

        var axis = Axis.Of(issued, content.AsOf);
        sb.Append("<h2 id=\"expiry\">Expiry</h2>\n<p>The certificates the CA issued and the gate accepted, earliest end first. The line in each bar is ")
          .Append(ReportWriter.Date(content.AsOf)).Append("; a renewal starts ").Append(content.RenewalWindowDays.ToString(CultureInfo.InvariantCulture))
          .Append(" days (<code>expiryWarningDays</code>) before the end. OAuth and A/V authentication certificates are staged: request and stage the new one before its renew-by date (<code>global\\renewal\\runbook.md</code>).</p>\n");
        sb.Append("<div class=\"scroll\"><table class=\"expiry\">\n<tr><th>certificate</th><th>status</th><th>days left</th><th>renew by</th><th>valid</th><th>expires</th></tr>\n");
        foreach (var e in issued)
        {
            Row(sb, content, e, ReportWriter.Link(e.Anchor!, e.Label), axis);
        }

        sb.Append("</table></div>\n");
    }

    /// <summary>One row: the label cell is given (HTML), the rest is the same for every timeline.</summary>
    public static void Row(StringBuilder sb, ReportContent content, ExpiryEntry e, string labelHtml, Axis axis, string extraCellsHtml = "")
    {
        var urgency = e.Urgency(content.AsOf, content.RenewalWindowDays);
        var css = Css(urgency);
        sb.Append("<tr class=\"").Append(css).Append("\"><td>").Append(labelHtml).Append("</td>").Append(extraCellsHtml)
          .Append("<td class=\"").Append(css).Append("\">").Append(Status(urgency, e.Staged)).Append("</td>")
          .Append("<td>").Append(e.DaysLeft(content.AsOf).ToString(CultureInfo.InvariantCulture)).Append("</td>")
          .Append("<td>").Append(ReportWriter.Date(e.RenewBy(content.RenewalWindowDays))).Append("</td>")
          .Append("<td>").Append(axis.Bar(e, css)).Append("</td>")
          .Append("<td>").Append(ReportWriter.Date(e.NotAfter)).Append("</td></tr>\n");
    }

    public static string Css(ExpiryUrgency urgency) => urgency switch
    {
        ExpiryUrgency.Expired => "expired",
        ExpiryUrgency.Urgent => "urgent",
        ExpiryUrgency.Soon => "soon",
        _ => "ok",
    };

    public static string Status(ExpiryUrgency urgency, bool staged) => urgency switch
    {
        ExpiryUrgency.Expired => "expired",
        ExpiryUrgency.Urgent => staged ? "renew now (staged roll-over)" : "renew now",
        ExpiryUrgency.Soon => staged ? "renew soon (staged roll-over)" : "renew soon",
        _ => "ok",
    };

    /// <summary>The time axis of one timeline: from the earliest start (or today) to the latest end (or today).</summary>
    internal sealed class Axis
    {
        private readonly DateTimeOffset _start;
        private readonly double _span;
        private readonly double _today;

        private Axis(DateTimeOffset start, DateTimeOffset end, DateTimeOffset today)
        {
            _start = start;
            _span = Math.Max((end - start).TotalSeconds, 1);
            _today = Percent(today);
        }

        public static Axis Of(IReadOnlyList<ExpiryEntry> entries, DateTimeOffset today)
        {
            var start = entries.Select(e => e.NotBefore ?? e.NotAfter).Append(today).Min();
            var end = entries.Select(e => e.NotAfter).Append(today).Max();
            return new Axis(start, end, today);
        }

        public string Bar(ExpiryEntry e, string css)
        {
            var left = e.NotBefore is { } from ? Percent(from) : 0;
            var width = Math.Max(Percent(e.NotAfter) - left, 0.5);
            return "<div class=\"track\"><div class=\"bar " + css + "\" style=\"left:" + Format(left) + "%;width:" + Format(width) + "%\"></div>"
                + "<div class=\"today\" title=\"today\" style=\"left:" + Format(_today) + "%\"></div></div>";
        }

        private double Percent(DateTimeOffset time) => Math.Clamp((time - _start).TotalSeconds / _span * 100, 0, 100);

        private static string Format(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
    }
}
