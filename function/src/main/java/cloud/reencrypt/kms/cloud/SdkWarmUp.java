package cloud.reencrypt.kms.cloud;

import com.huaweicloud.sdk.core.utils.JsonUtils;

/**
 * Readies the SDK's response mapping before the first answer arrives. The SDK reads every answer
 * with its own Jackson mapper (Java-time and JDK 8 modules), which it builds on first use and which
 * then introspects the answer's class: measured at about a third of a cold process's first
 * ReEncrypt. Reading one canned ReEncrypt answer does all of it with no I/O.
 *
 * <p>{@link #start} runs that on a background thread when the engine is built, so on a machine with
 * a second core it overlaps with building the client and the request's round trip; the initializer
 * calls {@link #runNow}. A failure is ignored: the real answer meets it again and reports it.
 */
final class SdkWarmUp {
  private static final String CANNED_ANSWER =
      "{\"key_id\":\"0\",\"source_key_id\":\"0\",\"cipher_text\":\"AA==\","
          + "\"source_encryption_algorithm\":\"SYMMETRIC_DEFAULT\","
          + "\"destination_encryption_algorithm\":\"SYMMETRIC_DEFAULT\"}";
  private static volatile boolean started;

  private SdkWarmUp() {}

  /** Starts the warm-up once per process; returns at once. */
  static void start() {
    if (started) {
      return;
    }
    started = true;
    // A subclass, not a lambda, as in CryptoWarmUp: the first lambda's bootstrap would hold it
    // back.
    Thread thread =
        new Thread("reencrypt-sdk-warm-up") {
          @Override
          public void run() {
            warmUp();
          }
        };
    thread.setDaemon(true);
    thread.start();
  }

  /** Does the warm-up in the calling thread (waits for a background run already under way). */
  static void runNow() {
    started = true;
    warmUp();
  }

  private static void warmUp() {
    try {
      JsonUtils.toObjectIgnoreUnknown(CANNED_ANSWER, ReEncryptApi.Answer.class);
    } catch (RuntimeException e) {
      // Left to the first real answer; see the class comment.
    }
  }
}
