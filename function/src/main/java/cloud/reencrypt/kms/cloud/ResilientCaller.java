package cloud.reencrypt.kms.cloud;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import com.huaweicloud.sdk.core.exception.CallTimeoutException;
import com.huaweicloud.sdk.core.exception.SdkException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs one KMS call with the client-side rate limit, retries with backoff, and the invocation's
 * remaining time as a hard bound: no attempt starts, no backoff sleeps and no answer is awaited
 * past it. An attempt still in flight when the time runs out is abandoned (the SDK's own timeouts
 * end it), and the caller gets a 503 that says so.
 *
 * <p>A throttled attempt (429) slows the shared {@link RateLimiter} down and is retried for as long
 * as the remaining time allows, however often ({@link RetryPolicy}); when the next wait would end
 * past the deadline the call fails with the 429, which callers treat as transient ({@link
 * KmsException#isTransient()}: stop, resume later), never as an answer about the request.
 *
 * <p>Each attempt is also bounded by the connect plus read timeout in milliseconds: the SDK only
 * takes whole seconds, so this is what makes a sub-second timeout exact. An attempt that runs out
 * of it fails as a read timeout would, and is retried as one.
 */
public final class ResilientCaller {
  /** The bound of callers outside an invocation (CLI, benchmarks): none. */
  public static final LongSupplier UNBOUNDED = () -> Long.MAX_VALUE;

  private final RetryPolicy policy;
  private final Backoff backoff;
  private final RateLimiter limiter;
  private final Pacing pacing;
  private final long attemptTimeoutMillis;
  private final LongSupplier remainingMillis;

  public ResilientCaller(
      RetryPolicy policy,
      Backoff backoff,
      RateLimiter limiter,
      Pacing pacing,
      Duration attemptTimeout,
      LongSupplier remainingMillis) {
    this.policy = policy;
    this.backoff = backoff;
    this.limiter = limiter;
    this.pacing = pacing;
    this.attemptTimeoutMillis = attemptTimeout.toMillis();
    this.remainingMillis = remainingMillis;
  }

  /** The caller the settings describe, with the default backoff and no time bound yet. */
  public static ResilientCaller forSettings(CloudKmsSettings settings, Pacing pacing) {
    RateLimiter limiter = RateLimiter.configured(settings.maxTps(), pacing.nanoTime());
    return new ResilientCaller(
        new RetryPolicy(settings.maxAttempts()),
        Backoff.DEFAULT,
        limiter,
        pacing,
        settings.connectTimeout().plus(settings.readTimeout()),
        UNBOUNDED);
  }

  /** The same caller (sharing the rate limit) bounded by another remaining-time source. */
  public ResilientCaller withRemainingTime(LongSupplier remainingMillis) {
    return new ResilientCaller(
        policy, backoff, limiter, pacing, Duration.ofMillis(attemptTimeoutMillis), remainingMillis);
  }

  /**
   * Calls {@code attempt} until it succeeds, fails for good, or the attempts or time run out.
   *
   * @throws KmsException the KMS-style error of the last failure
   */
  public <S> S call(Repeatability repeatability, Supplier<CompletableFuture<S>> attempt) {
    int failed = 0;
    for (int retry = 0; ; retry++) {
      long sentAt = awaitSlot();
      long remaining = remainingMillis.getAsLong();
      if (remaining <= 0) {
        throw KmsError.SERVICE_UNAVAILABLE.exception("no time left in the invocation to call KMS");
      }
      try {
        return await(attempt, remaining);
      } catch (SdkException failure) {
        Failure kind = SdkErrors.classify(failure);
        if (kind == Failure.THROTTLED) {
          limiter.throttled(sentAt);
        } else {
          failed++;
        }
        if (!policy.retries(kind, repeatability, failed)) {
          throw SdkErrors.toKms(failure);
        }
        backOff(retry, failure);
      }
    }
  }

  /** Waits for a request slot; returns the time the request goes out. */
  private long awaitSlot() {
    long wait = limiter.reserve(TimeUnit.MILLISECONDS.toNanos(remainingMillis.getAsLong()));
    if (wait < 0) {
      throw KmsError.THROTTLED.exception(
          "client-side rate limit, no request slot within the invocation's remaining time");
    }
    if (wait > 0) {
      sleep(Duration.ofNanos(wait));
    }
    return pacing.nanoTime().getAsLong();
  }

  private void backOff(int retry, SdkException failure) {
    long delay = backoff.delayMillis(retry, pacing.unitRandom());
    if (delay >= remainingMillis.getAsLong()) {
      KmsException last = SdkErrors.toKms(failure);
      throw new KmsException(
          last.errorCode(),
          last.httpStatus(),
          last.errorMsg() + " (not retried: the invocation's remaining time is too short)");
    }
    sleep(Duration.ofMillis(delay));
  }

  private <S> S await(Supplier<CompletableFuture<S>> attempt, long remaining) {
    long wait = Math.min(remaining, attemptTimeoutMillis);
    CompletableFuture<S> future = attempt.get();
    try {
      return future.get(wait, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw asSdkException(e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      if (wait == remaining) {
        throw KmsError.SERVICE_UNAVAILABLE.exception(
            "KMS did not answer within the invocation's remaining time");
      }
      throw new CallTimeoutException("no answer within the connect + read timeout", e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw KmsError.SERVICE_UNAVAILABLE.exception("interrupted while waiting for KMS");
    }
  }

  private void sleep(Duration duration) {
    try {
      pacing.sleeper().sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw KmsError.SERVICE_UNAVAILABLE.exception("interrupted while waiting to retry KMS");
    }
  }

  private static SdkException asSdkException(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof SdkException sdk ? sdk : new SdkException(cause);
  }
}
