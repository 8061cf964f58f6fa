using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;

namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>A call a generated script made to a stand-in, with its bound parameters.</summary>
public sealed record RecordedCall(string Command, IReadOnlyDictionary<string, object?> Parameters)
{
    public object? this[string name] => Parameters.TryGetValue(name, out var v) ? v : null;

    public IReadOnlyList<string> Strings(string name) => this[name] switch
    {
        null => [],
        string s => [s],
        IEnumerable e => [.. e.Cast<object?>().Select(o => o?.ToString() ?? string.Empty)],
        var o => [o.ToString() ?? string.Empty],
    };
}

/// <summary>
/// Runs generated scripts with the real PowerShell engine (in process) against the strict stand-ins
/// of Generation/StandIns.ps1, and parses them with the real parser.
/// </summary>
public sealed class PowerShellRunner : IDisposable
{
    private static readonly string StandIns = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Generation", "StandIns.ps1"));
    private readonly Runspace _runspace;

    public PowerShellRunner(string localFqdn)
    {
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        Invoke(StandIns);
        Invoke("$global:LocalFqdn = $args[0]", localFqdn);
    }

    public static readonly string[] StateChanging =
        ["Request-CsCertificate", "Set-CsCertificate", "Import-CsCertificate", "Remove-CsCertificate", "Export-PfxCertificate", "Import-PfxCertificate", "Import-Certificate", "certreq"];

    public void AddCertificate(string subject, IEnumerable<string> dnsNames, string thumbprint, DateTime notAfter) =>
        Invoke("[void] $global:FakeStore.Add((New-FakeCertificate -Subject $args[0] -DnsNames $args[1] -Thumbprint $args[2] -NotAfter $args[3]))", subject, dnsNames.ToArray(), thumbprint, notAfter);

    public void AddPfx(string path, string subject, IEnumerable<string> dnsNames, string thumbprint) =>
        Invoke("$global:PfxContents[$args[0]] = (New-FakeCertificate -Subject $args[1] -DnsNames $args[2] -Thumbprint $args[3] -NotAfter ([datetime]'2031-01-01'))", path, subject, dnsNames.ToArray(), thumbprint);

    public void ClearCalls() => Invoke("$global:CertCalls.Clear()");

    /// <summary>Fixes the clock the scripts see (Get-Date) at a UTC instant.</summary>
    public void SetClock(DateTime utc) => Invoke("$global:FakeNow = $args[0]; function global:Get-Date { return $global:FakeNow }", utc);

    public void SetPending(bool pending) => Invoke("$global:CertreqPending = $args[0]", pending);

    public void Assign(string type, string thumbprint, bool global = false) => Invoke("$global:CsAssigned[$args[0]] = $args[1]", (global ? "Global|" : "Local|") + type, thumbprint);

    /// <summary>Runs a script file with parameters; throws with the script's error when it fails.</summary>
    public IReadOnlyList<RecordedCall> Run(string scriptPath, IDictionary<string, object?>? parameters = null)
    {
        ClearCalls();
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddCommand(scriptPath);
        foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
        {
            ps.AddParameter(name, value);
        }

        try
        {
            ps.Invoke();
        }
        catch (RuntimeException ex)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }

        if (ps.HadErrors && ps.Streams.Error.Count > 0)
        {
            throw new InvalidOperationException("The script failed: " + ps.Streams.Error[0] + " at " + ps.Streams.Error[0].InvocationInfo?.PositionMessage);
        }

        return Calls();
    }

    public IReadOnlyList<RecordedCall> Calls()
    {
        var list = (ArrayList)Unwrap(_runspace.SessionStateProxy.GetVariable("CertCalls"))!;
        return [.. list.Cast<PSObject>().Select(ToCall)];
    }

    public Hashtable Assigned() => Unwrap(_runspace.SessionStateProxy.GetVariable("CsAssigned")) as Hashtable ?? [];

    public void Dispose() => _runspace.Dispose();

    private static RecordedCall ToCall(PSObject call)
    {
        var raw = call.Properties["Parameters"].Value;
        var parameters = raw as Hashtable ?? (Hashtable)((PSObject)raw).BaseObject;
        var dict = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in parameters)
        {
            dict[(string)entry.Key] = Unwrap(entry.Value);
        }

        return new RecordedCall((string)call.Properties["Command"].Value, dict);
    }

    private static object? Unwrap(object? value) => value switch
    {
        PSObject p => Unwrap(p.BaseObject),
        SwitchParameter s => s.IsPresent,
        object[] array => array.Select(Unwrap).ToArray(),
        _ => value,
    };

    private void Invoke(string script, params object?[] arguments)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        foreach (var argument in arguments)
        {
            ps.AddArgument(argument);
        }

        ps.Invoke();
        if (ps.HadErrors && ps.Streams.Error.Count > 0)
        {
            throw new InvalidOperationException(ps.Streams.Error[0].ToString());
        }
    }

    public static ScriptBlockAst Parse(string path, out ParseError[] errors) => Parser.ParseFile(path, out _, out errors);

    /// <summary>Syntax that Windows PowerShell 5.1 cannot run: ternary, ??, ??=, &amp;&amp;/||, ?. and ?[].</summary>
    public static IReadOnlyList<string> PowerShell6Syntax(Ast ast) =>
        [.. ast.FindAll(
            a => a is TernaryExpressionAst or PipelineChainAst ||
                 a is BinaryExpressionAst { Operator: TokenKind.QuestionQuestion } ||
                 a is AssignmentStatementAst { Operator: TokenKind.QuestionQuestionEquals } ||
                 a is MemberExpressionAst { NullConditional: true } ||
                 a is IndexExpressionAst { NullConditional: true },
            searchNestedScriptBlocks: true).Select(a => $"{a.GetType().Name} at line {a.Extent.StartLineNumber}: {a.Extent.Text}")];
}
