using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CertBuildTasks.Fuzz;

// dotnet run -c Release --project fuzz/CertBuildTasks.Fuzz -- [--seconds 60] [--seed N] [--kind topology|policy|overrides|issued|roots|deployed] [--replay]
// Mutates the hardening corpus and valid samples, runs each mutant through the stages of its kind, and
// writes every input that crashes, reports CBT9000 or a diagnostic without a file, or takes longer than
// 10 s into tests/CertBuildTasks.Tests/corpus/<kind>/fuzz-<hash>.<ext>, where the corpus test keeps it.
var seconds = 60;
var seed = Environment.TickCount;
string? onlyKind = null;
var replay = args.Contains("--replay");
for (var i = 0; i + 1 < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--kind": onlyKind = args[++i]; break;
    }
}

var root = AppContext.BaseDirectory;
while (!File.Exists(Path.Combine(root, "CertBuildTasks.sln")))
{
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("CertBuildTasks.sln not found");
}

var corpus = Path.Combine(root, "tests", "CertBuildTasks.Tests", "corpus");
var work = Path.Combine(Path.GetTempPath(), "cbt-fuzz-" + Environment.ProcessId);
using var targets = new Targets(root, work);

// Seeds: every corpus entry that is a real file, and one valid input of each kind.
var seeds = Targets.Kinds.ToDictionary(k => k, k => Directory.Exists(Path.Combine(corpus, k))
    ? Directory.GetFiles(Path.Combine(corpus, k)).Where(f => !f.EndsWith(".recipe", StringComparison.Ordinal) && new FileInfo(f).Length < 1_000_000).Select(f => (Path.GetExtension(f), File.ReadAllBytes(f))).ToList()
    : []);
seeds["topology"].Add((".json", File.ReadAllBytes(Path.Combine(root, "samples", "Contoso", "topology.json"))));
seeds["topology"].Add((".xml", File.ReadAllBytes(Path.Combine(root, "tests", "CertBuildTasks.Tests", "Topology", "Fixtures", "published-director-edge.xml"))));
seeds["policy"].Add((".json", File.ReadAllBytes(Path.Combine(root, "samples", "Contoso", "certificate-policy.json"))));
seeds["overrides"].Add((".json", File.ReadAllBytes(Path.Combine(root, "tests", "CertBuildTasks.Tests", "Topology", "Fixtures", "published-director-edge.overrides.json"))));
seeds["issued"].Add((".cer", targets.GoodCertificate));
seeds["issued"].Add((".pem", Encoding.ASCII.GetBytes(System.Security.Cryptography.PemEncoding.WriteString("CERTIFICATE", targets.GoodCertificate))));
seeds["roots"].Add((".cer", targets.GoodCertificate));
seeds["deployed"].Add((".json", Encoding.UTF8.GetBytes("[ { \"Server\": \"fe01.contoso.com\", \"Use\": \"Default\", \"Thumbprint\": \"" + new string('A', 40) + "\", \"NotAfter\": \"2030-01-01T00:00:00Z\", \"Subject\": \"CN=pool01.contoso.com\", \"AlternativeNames\": [\"pool01.contoso.com\", \"fe01.contoso.com\"] } ]")));
seeds["deployed"].Add((".cer", targets.GoodCertificate));

if (replay)
{
    // Every corpus entry kept as a file, through the stages of its kind once: the findings stay fixed.
    var failures = 0;
    foreach (var kind in Targets.Kinds)
    {
        foreach (var file in Directory.Exists(Path.Combine(corpus, kind)) ? Directory.GetFiles(Path.Combine(corpus, kind)).Where(f => !f.EndsWith(".recipe", StringComparison.Ordinal)).Order().ToArray() : [])
        {
            try
            {
                targets.Run(kind, file);
            }
            catch (Exception ex)
            {
                failures++;
                Console.WriteLine($"FAILS {kind}/{Path.GetFileName(file)}: {ex.Message.Split('\n')[0]}");
            }
        }
    }

    Console.WriteLine($"replayed the corpus: {failures} failure(s)");
    Directory.Delete(work, recursive: true);
    return failures == 0 ? 0 : 1;
}

var mutator = new Mutator(seed);
var kinds = onlyKind is null ? Targets.Kinds : [onlyKind];
var watch = Stopwatch.StartNew();
var runs = 0;
var findings = 0;
Console.WriteLine($"fuzzing {string.Join(", ", kinds)} for {seconds} s, seed {seed}");
while (watch.Elapsed.TotalSeconds < seconds)
{
    var kind = mutator.Pick(kinds);
    var (extension, input) = mutator.Pick(seeds[kind]);
    var mutant = mutator.Mutate(input, mutator.Pick(seeds[kind]).Item2);
    var path = Path.Combine(work, "input" + extension);

    // One run in ten gives the input as something other than a regular file; one in four judges at the
    // ends of the calendar.
    var shape = mutator.Pick(Enumerable.Repeat("file", 9).Append(mutator.Pick(FileShapes.Shapes)).ToList());
    FileShapes.Make(path, shape, mutant);
    var now = mutator.Pick(Enumerable.Repeat(DateTimeOffset.UtcNow, 3).Append(mutator.Pick(Targets.ValidationTimes)).ToList());
    var run = Task.Run(() => targets.Run(kind, path, now));
    string? problem = null;
    try
    {
        if (!run.Wait(TimeSpan.FromSeconds(10)))
        {
            problem = "took more than 10 s";
        }
    }
    catch (AggregateException ex)
    {
        problem = ex.InnerException?.ToString() ?? ex.ToString();
    }

    runs++;
    if (problem is not null)
    {
        findings++;
        var name = "fuzz-" + Convert.ToHexString(SHA256.HashData(mutant))[..12].ToLowerInvariant() + extension;
        if (shape == "file")
        {
            File.WriteAllBytes(Path.Combine(corpus, kind, name), mutant);
        }
        else
        {
            // Not a file the repository can hold: a recipe the corpus test makes it from.
            name += ".recipe";
            File.WriteAllText(Path.Combine(corpus, kind, name), shape + "\n");
        }

        Console.WriteLine($"FINDING {kind}/{name} at {now:o}: {problem.Split('\n')[0]}");
        if (problem.StartsWith("took", StringComparison.Ordinal))
        {
            break; // a hung run cannot be stopped from here
        }
    }
}

Console.WriteLine($"{runs} runs in {watch.Elapsed.TotalSeconds:F0} s, {findings} finding(s)");
Directory.Delete(work, recursive: true);
return findings == 0 ? 0 : 1;
