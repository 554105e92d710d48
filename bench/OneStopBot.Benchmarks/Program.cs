using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process and with few iterations: the machine is shared, and ratios against a baseline of the same run matter,
// not absolute precision. A long time-out: a set-up builds an archive of a million dossiers, longer on a busy machine.
// `--job short` keeps the run in process with the short job's three iterations, rather than adding an out-of-process
// job beside this one (which would build each archive again in a process of its own).
var shortRun = args.Select((arg, i) => arg == "--job" && i + 1 < args.Length && args[i + 1].Equals("short", StringComparison.OrdinalIgnoreCase)).Any(found => found);
var job = (shortRun ? Job.ShortRun : Job.Default.WithWarmupCount(3).WithIterationCount(10))
    .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: true));
var rest = shortRun ? args.Where((arg, i) => !(arg == "--job" || (i > 0 && args[i - 1] == "--job"))).ToArray() : args;
var config = DefaultConfig.Instance.AddJob(job).AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
