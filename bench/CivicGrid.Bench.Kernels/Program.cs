using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CivicGrid.Bench.Kernels -- --filter '*'   (or a class name, e.g. '*Rule*')
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
