package cloud.reencrypt.fgs;

import cloud.reencrypt.kms.KmsJson;
import cloud.reencrypt.kms.KmsOperations;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.wiring.EngineFactory;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;

/**
 * What every cold instance's first event needs and no event decides, done on background threads
 * from handler construction while the instance reads its event, configuration and keys.
 *
 * <p>Why: a cold JVM pays, before its first answer, for the JDK's security providers (the first
 * {@code Cipher.getInstance} builds the provider list through a scan that instantiates most of the
 * JDK's providers), for building the JSON mapper with the readers and writers of the request path,
 * and on the KMS engine for the SDK's own mapper and client classes. Each costs about as much as
 * the JVM's own start. Started at construction they overlap with the work that does not need them,
 * on a machine's second core. Nothing here touches a key or an event, and a failure is ignored: the
 * request that needs the part meets the same failure and reports it.
 *
 * <p>The engine is taken from the process environment ({@code REENCRYPT_ENGINE}), where the
 * platform puts the function's variables before it constructs the handler. It is only a hint: the
 * configuration proper is still read from the context, and a wrong hint costs time, not behaviour.
 */
final class StartupWarmUp {
  /** A request of the shape the API receives; it is only parsed, never sent. */
  private static final byte[] SAMPLE_REQUEST =
      ("{\"cipher_text\":\"AA==\",\"destination_key_id\":\"00000000-0000-0000-0000-000000000000\","
              + "\"destination_encryption_algorithm\":\"SYMMETRIC_DEFAULT\"}")
          .getBytes(StandardCharsets.US_ASCII);

  private static volatile boolean started;

  private StartupWarmUp() {}

  /** Starts the warm-up once per process; returns at once. */
  static void start(String engineHint) {
    if (started) {
      return;
    }
    started = true;
    daemon("reencrypt-warm-up-crypto-json", false, null).start();
    if (EngineFactory.hasWarmUp(engineHint)) {
      daemon("reencrypt-warm-up-engine", true, engineHint).start();
    }
  }

  /**
   * Readies the crypto providers and the JSON in the calling thread and returns when they are: the
   * initializer's way, which has the time and must leave nothing for the first request (the engine
   * it has built warms itself up, {@code KmsEngine.warmUp}). Where a background thread is at the
   * same part, the class and provider locks make this wait for it.
   */
  static void runNow() {
    started = true;
    cryptoAndJson();
  }

  // A subclass, not a lambda: a JVM's first lambda costs a bootstrap that would hold back the very
  // thread meant to save time.
  private static Thread daemon(String name, boolean engine, String engineHint) {
    Thread thread =
        new Thread(name) {
          @Override
          public void run() {
            if (engine) {
              EngineFactory.warmUp(engineHint);
            } else {
              cryptoAndJson();
            }
          }
        };
    thread.setDaemon(true);
    return thread;
  }

  private static void cryptoAndJson() {
    try {
      new SecureRandom().nextBytes(new byte[1]);
      Cipher.getInstance("AES/GCM/NoPadding");
      ReEncryptRequest request = KmsOperations.RE_ENCRYPT.parse(SAMPLE_REQUEST);
      KmsJson.write(
          new ReEncryptResponse(
              request.destinationKeyId(),
              request.destinationKeyId(),
              "SYMMETRIC_DEFAULT",
              request.destinationEncryptionAlgorithm(),
              request.cipherText()));
    } catch (GeneralSecurityException | RuntimeException e) {
      // Left to the request that needs it; see the class comment.
    }
  }
}
