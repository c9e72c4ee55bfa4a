package cloud.reencrypt.fgs;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.wiring.ObsStores;
import cloud.reencrypt.wiring.RandomSources;
import com.huawei.services.runtime.Context;
import java.util.Optional;

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
  /** The most the rehearsal may take; a slow KMS must not fail the instance's start. */
  private static final long REHEARSAL_MILLIS = 5_000;

  /** Base64 of one zero byte: too short to be any KMS ciphertext. */
  private static final String NOT_A_CIPHERTEXT = "AA==";

  private FunctionLifecycle() {}

  /**
   * Builds the configuration and the engine (for KMS: the SDK client, its connection pool and TLS
   * set-up), readies the JDK's crypto providers, the JSON code and the SDK's answer mapping, then
   * rehearses the request through the handler's own path (see {@link #rehearse}), so the connection
   * is open and the request path has run: the first request pays for none of it.
   *
   * @throws cloud.reencrypt.config.ConfigurationException when the configuration is bad, so the
   *     instance fails to start with the same one line the handler would give
   */
  static FunctionSetup.Ready initialize(
      FunctionSetup setup, Context context, Rehearsal rehearsal, int successfulRuns) {
    FunctionSetup.Ready ready = setup.ready(context);
    StartupWarmUp.runNow();
    ready.engine().warmUp(); // the engine's own: the SDK's client and answer mapping, say
    rehearse(ready, context, rehearsal, successfulRuns);
    return ready;
  }

  /**
   * A handler's way to run a request through its own path, from its entry point to the engine: the
   * API handler as an API Gateway event, the OBS handler through the service.
   */
  @FunctionalInterface
  interface Rehearsal {
    /**
     * @throws cloud.reencrypt.kms.KmsException the answer, when the path ends in one
     */
    void run(ReEncryptRequest request, Context context);
  }

  /**
   * Re-creates every random source a snapshot copied (the local engine's {@code SecureRandom},
   * which also feeds the OAEP seed, and the retry jitter), and drops the engine built from the
   * initializer's context and the process's OBS connection: their cached agency credentials are
   * those of the snapshot, and their pooled connections and TLS state are the snapshot's too. The
   * next invocation builds the engine again from its own context, with every class already loaded.
   */
  static void restore(FunctionSetup setup, Context context) {
    RandomSources.recreate();
    setup.forget();
    ObsStores.forget();
    context
        .getLogger()
        .info("restore: random sources re-created, engine, OBS connection and credentials dropped");
  }

  /**
   * Runs the handler's path before the first event, under a context bounded to {@value
   * #REHEARSAL_MILLIS} ms. Where the engine can make a throwaway ciphertext for free (the local
   * engine), {@code successfulRuns} successful ReEncrypts of it into the destination key, answer
   * included: the path a real request takes. On KMS, one ReEncrypt of a ciphertext that is not one
   * ({@value #NOT_A_CIPHERTEXT}): KMS answers KMS.2201 without using any key, after the request has
   * been read, checked, built, signed, sent on a new connection and its error answer read and
   * written. That needs no permission beyond the function's own ReEncrypt, and changes nothing. Any
   * other outcome (KMS slow, agency permissions still propagating) is only logged: the first
   * request meets a real problem again and reports it.
   */
  private static void rehearse(
      FunctionSetup.Ready ready, Context context, Rehearsal rehearsal, int successfulRuns) {
    Optional<String> keyId = destinationKey(ready);
    if (keyId.isEmpty()) {
      context.getLogger().info("initializer: no destination key configured, no KMS call");
      return;
    }
    Optional<String> ciphertext = ready.engine().rehearsalCiphertext(keyId.get());
    ReEncryptRequest request =
        new ReEncryptRequest(
            null, null, null, keyId.get(), null, null, null, ciphertext.orElse(NOT_A_CIPHERTEXT));
    Context bounded = new BoundedContext(context, REHEARSAL_MILLIS);
    try {
      for (int i = ciphertext.isPresent() ? successfulRuns : 1; i > 0; i--) {
        rehearsal.run(request, bounded);
      }
      context.getLogger().info("initializer: ready, request path rehearsed");
    } catch (KmsException e) {
      context.getLogger().info("initializer: ready, KMS answered " + e.errorCode());
    } catch (RuntimeException e) {
      context.getLogger().warn("initializer: rehearsal failed: " + e.getClass().getName());
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
