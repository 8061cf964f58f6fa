using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace CertBuildTasks.Tests.Lifecycle;

/// <summary>What a script run printed and whether it failed.</summary>
public sealed record ScriptRun(string Script, string Machine, IReadOnlyList<string> Output, IReadOnlyList<string> Warnings, string? Error)
{
    public bool Succeeded => Error is null;

    public string Describe() => $"{Machine}: {Path.GetFileName(Script)} {(Succeeded ? "ran" : "failed: " + Error)}\n" + string.Join("\n", Output.Concat(Warnings.Select(w => "WARNING: " + w)));
}

/// <summary>
/// Runs the generated scripts with the real PowerShell engine (PowerShell 7.6, in process, with
/// Windows PowerShell's legacy native argument passing; the scripts are Windows PowerShell 3.0–5.1 code
/// and are checked for it separately) against the stand-ins of LifecycleStandIns.ps1, on whichever
/// machine of the estate a step names.
/// </summary>
public sealed class EstateRunner : IDisposable
{
    private static readonly string StandIns = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Lifecycle", "LifecycleStandIns.ps1"));

    /// <summary>The real printf of this machine, the native program certreq's arguments pass through.</summary>
    private static readonly Lazy<string> NativePrintf = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "printf"))
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("printf (coreutils) is not on PATH"));

    private readonly Runspace _runspace;

    public EstateRunner(Estate estate)
    {
        Estate = estate;
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        _runspace.SessionStateProxy.SetVariable("Estate", estate);

        // How Windows PowerShell 3.0–5.1 passes arguments to native programs: joined into one command
        // line, in double quotes when one holds a space, embedded quotes not escaped, empty ones dropped.
        // PowerShell 7 on Linux then splits that line as a Windows program would, so what certreq
        // receives here is what it would receive on the server.
        _runspace.SessionStateProxy.SetVariable("PSNativeCommandArgumentPassing", "Legacy");
        _runspace.SessionStateProxy.SetVariable("NativeArgv", NativePrintf.Value);
        Invoke(StandIns);
    }

    public Estate Estate { get; }

    /// <summary>Every run, in order.</summary>
    public List<ScriptRun> Runs { get; } = [];

    /// <summary>What Read-Host answers (a PFX password), or null: a prompt then fails the script.</summary>
    public object? ReadHostAnswer
    {
        set => _runspace.SessionStateProxy.SetVariable("ReadHostAnswer", value);
    }

    public ScriptRun Run(string machine, string script, IDictionary<string, object?>? parameters = null)
    {
        var m = Estate[machine];
        Invoke("Enter-Machine -Fqdn $args[0] -HasPkiModule $args[1]", m.Fqdn, m.HasPkiModule);
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddCommand(script);
        foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
        {
            if (value is true)
            {
                ps.AddParameter(name);
            }
            else
            {
                ps.AddParameter(name, value);
            }
        }

        string? error = null;
        try
        {
            ps.Invoke();
            if (ps.HadErrors && ps.Streams.Error.Count > 0)
            {
                error = ps.Streams.Error[0].ToString();
            }
        }
        catch (RuntimeException ex)
        {
            error = ex.Message;
        }

        var run = new ScriptRun(
            script,
            machine,
            [.. ps.Streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty)],
            [.. ps.Streams.Warning.Select(w => w.Message)],
            error);
        Runs.Add(run);
        return run;
    }

    /// <summary>Runs a snippet in the estate's runspace (on the machine last entered) and returns its output as text.</summary>
    public IReadOnlyList<string> Evaluate(string script, params object?[] arguments)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        foreach (var argument in arguments)
        {
            ps.AddArgument(argument);
        }

        return [.. ps.Invoke().Select(o => o?.ToString() ?? string.Empty)];
    }

    public void Dispose() => _runspace.Dispose();

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
}
