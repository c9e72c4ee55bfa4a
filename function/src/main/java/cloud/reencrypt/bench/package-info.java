/**
 * The {@code bench} subcommand's measuring core and its suites. A {@link
 * cloud.reencrypt.bench.BenchSuite} prepares {@link cloud.reencrypt.bench.BenchCase}s (a workload,
 * optionally beside a baseline workload and a target ratio); the {@link
 * cloud.reencrypt.bench.Meter} warms each workload up, then times alternating rounds of subject and
 * baseline on one thread and reports the median ops/s; {@link cloud.reencrypt.bench.ResultTable}
 * prints the Markdown table. To add a suite, implement {@code BenchSuite} and list it in {@link
 * cloud.reencrypt.bench.BenchSuites}. A {@link cloud.reencrypt.bench.LoadSuite} (e.g. {@code bench
 * http}) is measured under concurrent clients by the {@link cloud.reencrypt.bench.LoadMeter}
 * instead: requests per wall-clock second and latency percentiles per client count ({@link
 * cloud.reencrypt.bench.LoadTable}). Benchmarks are never part of {@code mvn verify}.
 */
package cloud.reencrypt.bench;
