using CertBuildTasks.Generation;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Lifecycle;

/// <summary>
/// The request paths under the conditions that break them in the field: a workgroup Edge without the
/// internal chain, a re-run before the CA answered, a CA manager who approves later, a second request
/// in the same month, Windows Server 2008 R2 without the PKI module, a separate A/V certificate.
/// </summary>
[Trait("Lane", "Build")]
public sealed class RequestPathTests : IDisposable
{
    private const string Edge01 = "edge01.contoso.com";
    private const string EdgeRequest = "servers/edge01.contoso.com/Request-Certificates.ps1";
    private LifecycleDriver _estate = new();

    public void Dispose() => _estate.Dispose();

    private void Start(Action<JObject>? topology = null, Action<JObject>? policy = null)
    {
        _estate.Dispose();
        var t = SampleInputs.Topology();
        var p = SampleInputs.Policy();
        topology?.Invoke(t);
        policy?.Invoke(p);
        _estate = new LifecycleDriver(t, p);
    }

    [Fact]
    public void On_a_workgroup_edge_the_internal_chain_is_trusted_before_the_answer_is_accepted()
    {
        _estate.Run(Edge01, EdgeRequest, new Dictionary<string, object?>());
        var internalCertificate = _estate.Planned("edge-internal-edgepool.contoso.com");
        _estate.Answer(Edge01, internalCertificate);

        // Without the chain: certreq -accept fails against the untrusted root, and the script says what to do.
        var refused = _estate.Runner.Run(Edge01, _estate.Script(Edge01, EdgeRequest), new Dictionary<string, object?> { ["ResponsePath"] = _estate.Responses });
        Assert.False(refused.Succeeded);
        Assert.Contains("0x800b0109", refused.Error, StringComparison.Ordinal);
        Assert.Contains("import the CA chain first (-CaChainPath)", refused.Error, StringComparison.Ordinal);
        Assert.Contains("No -CaChainPath", string.Join("\n", refused.Warnings), StringComparison.Ordinal);
        Assert.Empty(_estate.Estate[Edge01].My);

        // With it: the chain goes to Root and Intermediate first, then the answer is accepted with its pending key.
        var accepted = _estate.Run(Edge01, EdgeRequest, new Dictionary<string, object?> { ["ResponsePath"] = _estate.Responses, ["CaChainPath"] = _estate.InternalChain() });
        var m = _estate.Estate[Edge01];
        Assert.Contains(m.Stores["Root"], c => c.Thumbprint == _estate.Estate.InternalCa.Root.Thumbprint);
        Assert.Contains(m.Stores["CA"], c => c.Thumbprint == _estate.Estate.InternalCa.Intermediate.Thumbprint);
        Assert.DoesNotContain(m.Stores["Root"], c => c.Thumbprint == _estate.Estate.InternalCa.Intermediate.Thumbprint); // an intermediate in Root stops SfB services
        Assert.Single(m.My, c => c.Certificate.Subject.StartsWith("CN=edgepool.contoso.com", StringComparison.Ordinal) && c.Key is not null);
        var log = string.Join("\n", _estate.Estate.Log.Where(l => l.Machine == Edge01).Select(l => l.Command));
        Assert.True(log.IndexOf("import certificate", StringComparison.Ordinal) < log.LastIndexOf("certreq -accept", StringComparison.Ordinal), log);
        Assert.Contains("installed", string.Join("\n", accepted.Output), StringComparison.Ordinal);
    }

    [Fact]
    public void A_workgroup_edge_requests_its_internal_certificate_offline_never_online()
    {
        _estate.Run(Edge01, EdgeRequest, new Dictionary<string, object?> { ["CaChainPath"] = _estate.InternalChain() });
        Assert.DoesNotContain(_estate.Estate.Log, l => l.Command == "certreq -submit");
        Assert.Equal(2, _estate.Estate[Edge01].Stores["REQUEST"].Count);

        // certreq chosen by the policy on a workgroup Edge: the CA cannot be reached, and the build's default avoids that.
        Start(policy: p => p["certificates"] = new JObject { ["edgeInternal"] = new JObject { ["requestMode"] = "certreq" } });
        var online = _estate.Runner.Run(Edge01, _estate.Script(Edge01, EdgeRequest), new Dictionary<string, object?> { ["CaChainPath"] = _estate.InternalChain() });
        Assert.False(online.Succeeded);
        Assert.Contains("RPC server is unavailable", online.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Running_an_offline_request_again_before_the_answer_makes_no_second_key()
    {
        var parameters = new Dictionary<string, object?> { ["CaChainPath"] = _estate.InternalChain() };
        _estate.Run(Edge01, EdgeRequest, parameters);
        var requests = _estate.Estate[Edge01].Stores["REQUEST"].Select(r => r.Thumbprint).ToList();
        var req = File.ReadAllText(_estate.Script(Edge01, "servers/edge01.contoso.com/edge-external-edgepool.contoso.com.req"));

        var again = _estate.Run(Edge01, EdgeRequest, parameters);
        Assert.Equal(requests, _estate.Estate[Edge01].Stores["REQUEST"].Select(r => r.Thumbprint));
        Assert.Equal(req, File.ReadAllText(_estate.Script(Edge01, "servers/edge01.contoso.com/edge-external-edgepool.contoso.com.req")));
        Assert.Contains("waiting for the answer", string.Join("\n", again.Output), StringComparison.Ordinal);

        // -NewRequest is the one way to a new key.
        _estate.Run(Edge01, EdgeRequest, new Dictionary<string, object?>(parameters) { ["NewRequest"] = true });
        Assert.Equal(4, _estate.Estate[Edge01].Stores["REQUEST"].Count);
    }

    [Fact]
    public void A_certreq_request_held_for_approval_is_completed_later_without_a_new_key()
    {
        Start(policy: p => p["certificates"] = new JObject { ["frontEnd"] = new JObject { ["requestMode"] = "certreq" } });
        _estate.Estate.CaRequiresApproval = true;
        const string fe02 = "fe02.contoso.com";
        var script = _estate.Script(fe02, $"servers/{fe02}/{BundlePaths.RequestScript}");

        var held = _estate.Runner.Run(fe02, script);
        Assert.False(held.Succeeded);
        Assert.Contains("Waiting for the CA", held.Error, StringComparison.Ordinal);
        Assert.Contains("held by the CA for approval", held.Error, StringComparison.Ordinal);
        var again = _estate.Runner.Run(fe02, script);
        Assert.False(again.Succeeded);
        Assert.Single(_estate.Estate[fe02].Stores["REQUEST"]); // the pending key, once
        Assert.Single(_estate.Estate.CaQueue); // and one request at the CA

        _estate.Estate.ApproveAll();
        _estate.Run(fe02, $"servers/{fe02}/{BundlePaths.RequestScript}");
        Assert.Empty(_estate.Estate[fe02].Stores["REQUEST"]);
        Assert.Single(_estate.Estate[fe02].My, c => c.Key is not null);
        Assert.Empty(_estate.Estate.CaQueue);
    }

    [Fact]
    public void A_cmdlet_request_held_for_approval_is_retrieved_later_without_a_new_key()
    {
        _estate.Estate.CaRequiresApproval = true;
        const string dir01 = "dir01.contoso.com";
        var script = _estate.Script(dir01, $"servers/{dir01}/{BundlePaths.RequestScript}");
        Assert.False(_estate.Runner.Run(dir01, script).Succeeded);
        Assert.False(_estate.Runner.Run(dir01, script).Succeeded);
        Assert.Single(_estate.Estate.CaQueue);

        _estate.Estate.ApproveAll();
        _estate.Run(dir01, $"servers/{dir01}/{BundlePaths.RequestScript}");
        Assert.Single(_estate.Estate[dir01].My);
        Assert.Empty(_estate.Estate[dir01].CmdletPending);
        _estate.Run(dir01, $"servers/{dir01}/{BundlePaths.AssignmentScript}");
        Assert.NotNull(_estate.Estate.Assigned(dir01, "Default"));
    }

    [Fact]
    public void A_second_request_in_the_same_month_gets_a_friendly_name_of_its_own()
    {
        const string med01 = "med01.contoso.com";
        _estate.DeployServer(med01);
        var first = Assert.Single(_estate.Estate[med01].My);

        // The certificate is revoked and replaced within the month: the old one is still in the store.
        _estate.Estate.Now = _estate.Estate.Now.AddDays(1);
        var request = new Dictionary<string, object?> { ["RenewWithinDays"] = 400 };
        _estate.Run(med01, $"servers/{med01}/{BundlePaths.RequestScript}", request);
        var names = _estate.Estate[med01].My.Select(c => c.FriendlyName).ToList();
        Assert.Equal([first.FriendlyName, first.FriendlyName + " (2)"], names);
    }

    [Fact]
    public void Offline_requests_in_the_same_month_also_get_a_friendly_name_of_their_own()
    {
        var chain = new Dictionary<string, object?> { ["CaChainPath"] = _estate.InternalChain() };
        _estate.DeployServer(Edge01);
        _estate.Run(Edge01, EdgeRequest, new Dictionary<string, object?>(chain) { ["RenewWithinDays"] = 400 });
        var pending = _estate.Estate[Edge01].Stores["REQUEST"].Select(r => r.FriendlyName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, pending.Count);
        Assert.All(pending, n => Assert.EndsWith(" (2)", n, StringComparison.Ordinal));
    }

    [Fact]
    public void On_windows_server_2008_r2_the_edge_pool_uses_x509store_for_chains_and_pfx_files()
    {
        foreach (var edge in new[] { Edge01, "edge02.contoso.com" })
        {
            _estate.Estate[edge].HasPkiModule = false;
        }

        _estate.DeployServer(Edge01);
        _estate.DeployServer("edge02.contoso.com");
        Assert.Equal(_estate.Estate.Assigned(Edge01, "AccessEdgeExternal"), _estate.Estate.Assigned("edge02.contoso.com", "AccessEdgeExternal"));
        Assert.Equal(_estate.Estate.Assigned(Edge01, "Internal"), _estate.Estate.Assigned("edge02.contoso.com", "Internal"));
        var commands = _estate.Estate.Log.Where(l => l.Machine.StartsWith("edge", StringComparison.Ordinal)).Select(l => l.Command).ToList();
        Assert.Contains("X509Store.Add Root", commands);
        Assert.Contains("X509Store.Add CA", commands);
        Assert.Contains("X509Store.Add My", commands);
        Assert.DoesNotContain("import PFX", commands); // no PKI module: no Import-PfxCertificate
        var runs = string.Join("\n", _estate.Runner.Runs.Select(r => r.Describe()));
        Assert.DoesNotContain(LifecycleDriver.PfxPassword, runs, StringComparison.Ordinal); // the password is never shown
        _estate.AssertNoGaps();
    }

    [Fact]
    public void A_separate_av_certificate_is_assigned_to_av_only_and_never_confused_with_the_access_edge_one()
    {
        Start(policy: p => p["layout"]!["audioVideo"] = "separate");
        _estate.DeployServer(Edge01);
        _estate.DeployServer("edge02.contoso.com");
        var access = _estate.Estate.Assigned(Edge01, "AccessEdgeExternal");
        var av = _estate.Estate.Assigned(Edge01, "AudioVideoAuthentication");
        Assert.NotEqual(access, av);
        Assert.StartsWith("CN=av.contoso.com", _estate.Estate[Edge01].InMy(av!)!.Certificate.Subject, StringComparison.Ordinal);
        Assert.Equal(av, _estate.Estate.Assigned("edge02.contoso.com", "AudioVideoAuthentication"));
        _estate.AssertNoGaps();
    }

    [Fact]
    public void The_same_av_certificate_on_the_access_fqdn_is_told_apart_by_its_friendly_name()
    {
        Start(t => SampleInputs.Pool(t, "Edge")["edge"]!["audioVideoFqdn"] = "sip.contoso.com", p => p["layout"]!["audioVideo"] = "separate");
        _estate.DeployServer(Edge01);
        var av = _estate.Estate[Edge01].InMy(_estate.Estate.Assigned(Edge01, "AudioVideoAuthentication")!)!;
        var access = _estate.Estate[Edge01].InMy(_estate.Estate.Assigned(Edge01, "AccessEdgeExternal")!)!;
        Assert.NotEqual(access.Thumbprint, av.Thumbprint);
        Assert.StartsWith("Edge A/V Authentication", av.FriendlyName, StringComparison.Ordinal);
    }
}
