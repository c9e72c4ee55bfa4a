package cloud.reencrypt.kms.cloud;

import java.time.Duration;

/** Waits; the retry loop and the rate limiter sleep through this so tests can record instead. */
@FunctionalInterface
public interface Sleeper {
  Sleeper THREAD =
      duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
