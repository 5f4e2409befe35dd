using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project bench/Crossgate.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
