package cloud.reencrypt.fgs;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.kms.KeyIdRequest;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.wiring.RandomSources;
import com.huawei.services.runtime.Context;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * FunctionGraph's start-up hooks, shared by both handlers ({@code initializer} and {@code
 * restoreHook} on {@link ApigHandler} and {@link ObsHandler} delegate here).
 *
 * <p>The initializer runs once per instance before its first invocation, on the same handler object
 * (the runtime looks the method up on the handler's class), so what it builds is what the handler
 * uses. Without it the handler builds the same things lazily at its first event.
 *
 * <p>The restore hook runs in each process restored from a snapshot of an initialized instance.
 * Everything copied from the snapshot that must differ per process is replaced or dropped there.
 */
final class FunctionLifecycle {
  /** The most the initializer's KMS call may take; a slow KMS must not fail the instance. */
  private static final long WARM_CALL_MILLIS = 5_000;

  private FunctionLifecycle() {}

  /**
   * Builds the configuration and the engine (for KMS: the SDK client, its connection pool and TLS
   * set-up), readies the JDK's crypto providers, the JSON code and the SDK's answer mapping, then
   * makes one DescribeKey of the destination key so the connection is open: the first request pays
   * for none of it.
   *
   * @throws cloud.reencrypt.config.ConfigurationException when the configuration is bad, so the
   *     instance fails to start with the same one line the handler would give
   */
  static FunctionSetup.Ready initialize(FunctionSetup setup, Context context) {
    FunctionSetup.Ready ready = setup.ready(context);
    StartupWarmUp.runNow(ready.configuration().engine());
    ready.engine().warmUp(); // e.g. the SDK's answer mapping, which no call below covers
    describeDestinationKey(ready, context);
    return ready;
  }

  /**
   * Re-creates every random source a snapshot copied (the local engine's {@code SecureRandom},
   * which also feeds the OAEP seed, and the retry jitter), and drops the engine built from the
   * initializer's context: its cached agency credentials are those of the snapshot, and its pooled
   * connections and TLS state are the snapshot's too. The next invocation builds the engine again
   * from its own context, with every class already loaded.
   */
  static void restore(FunctionSetup setup, Context context) {
    RandomSources.recreate();
    setup.forget();
    context.getLogger().info("restore: random sources re-created, engine and credentials dropped");
  }

  private static void describeDestinationKey(FunctionSetup.Ready ready, Context context) {
    Optional<String> keyId = destinationKey(ready);
    if (keyId.isEmpty()) {
      context.getLogger().info("initializer: no destination key configured, no KMS call");
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WARM_CALL_MILLIS);
    KmsEngine engine =
        FunctionSetup.withAgencyKey(
            ready.engine().withRemainingTime(() -> (deadline - System.nanoTime()) / 1_000_000),
            context);
    try {
      engine.describeKey(new KeyIdRequest(keyId.get(), null));
      context.getLogger().info("initializer: ready, KMS connection open");
    } catch (KmsException e) {
      // The connection is what matters here; the first request meets any real problem again.
      context.getLogger().warn("initializer: describe-key " + e.errorCode());
    } catch (RuntimeException e) {
      context.getLogger().warn("initializer: describe-key failed: " + e.getClass().getName());
    }
  }

  /** DESTINATION_KEY_ID, else the one allowed destination, else the engine's default. */
  private static Optional<String> destinationKey(FunctionSetup.Ready ready) {
    Configuration configuration = ready.configuration();
    return configuration
        .destinationKeyId()
        .or(() -> configuration.allowedDestinationKeyIds().stream().sorted().findFirst())
        .or(ready::defaultDestinationKeyId);
  }
}
