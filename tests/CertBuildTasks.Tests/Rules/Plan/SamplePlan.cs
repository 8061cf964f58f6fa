using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Plan;

/// <summary>The sample, changed and planned.</summary>
internal static class SamplePlan
{
    public static Infrastructure.Plan.Outcome Run(Action<JObject>? topology = null, Action<JObject>? policy = null)
    {
        var t = SampleInputs.Topology();
        var p = SampleInputs.Policy();
        topology?.Invoke(t);
        policy?.Invoke(p);
        return Infrastructure.Plan.Run(t, p, allowValidationErrors: true);
    }
}
