package cloud.reencrypt.bench;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * What a round's operations are divided by. On a shared machine other processes steal the CPU, so
 * wall time mostly measures them; the JVM's own CPU time (the measuring thread plus GC and JIT
 * threads) is what the workload costs.
 */
public enum CostClock {
  /** CPU time consumed by this JVM, all threads: ops per CPU-second. The default. */
  CPU(CostClock::processCpuNanos),
  /** Elapsed time: ops per second of wall time; meaningful on an otherwise idle machine only. */
  WALL(System::nanoTime);

  private final LongSupplier nanos;

  CostClock(LongSupplier nanos) {
    this.nanos = nanos;
  }

  LongSupplier nanos() {
    return nanos;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
