package cloud.reencrypt.testing;

import cloud.reencrypt.kms.cloud.Pacing;
import cloud.reencrypt.kms.cloud.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * A clock that only moves when something sleeps on it, and a sleeper that records each wait and
 * returns at once: retry and rate-limit tests run in no real time and see every delay exactly.
 */
public final class FakeTime implements Sleeper {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    nanos.addAndGet(duration.toNanos());
  }

  public long nanoTime() {
    return nanos.get();
  }

  public long millis() {
    return nanos.get() / 1_000_000;
  }

  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** Remaining time of an invocation that ends {@code budgetMillis} from now on this clock. */
  public LongSupplier remainingFromNow(long budgetMillis) {
    long deadline = millis() + budgetMillis;
    return () -> deadline - millis();
  }

  public Pacing pacing(DoubleSupplier unitRandom) {
    return new Pacing(this::nanoTime, this, unitRandom);
  }
}
