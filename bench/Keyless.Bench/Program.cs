using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Keyless.Bench.CelBenchmarks).Assembly).Run(args);
