package cloud.reencrypt.kms.cloud;

import cloud.reencrypt.config.Credentials;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import javax.crypto.Mac;

/**
 * Readies the SDK before its first call, with no I/O: the client's classes (OkHttp, Kotlin's
 * runtime) and the default trust store, by building a client that is never used; the signer's clock
 * formatting and MAC; and the answer's reader (the project's mapper introspecting {@code
 * ReEncryptResponse}; see {@link ReEncryptApi.Answer}), by reading one canned ReEncrypt answer.
 *
 * <p>{@link #start} runs this on a background thread when the engine is built, and the composition
 * root may run it earlier still, from handler construction; the initializer calls {@link #runNow}.
 * On a machine with a second core it overlaps with reading the event, building the client and the
 * request's round trip. A failure is ignored: the real call meets it again and reports it.
 */
final class SdkWarmUp {
  private static final String CANNED_ANSWER =
      "{\"key_id\":\"0\",\"source_key_id\":\"0\",\"cipher_text\":\"AA==\","
          + "\"source_encryption_algorithm\":\"SYMMETRIC_DEFAULT\","
          + "\"destination_encryption_algorithm\":\"SYMMETRIC_DEFAULT\"}";

  /** Settings for a client that is built and never used: nothing listens on port 1. */
  private static final CloudKmsSettings THROWAWAY =
      new CloudKmsSettings(
          URI.create("http://127.0.0.1:1"),
          "warm-up",
          new Credentials("warm-up", "warm-up", null),
          Duration.ofSeconds(1),
          Duration.ofSeconds(1),
          1,
          0);

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
      // The client: OkHttp, Kotlin's runtime, the default trust store and the SDK's own classes.
      // Building one makes no connection; the throwaway is left to the garbage collector.
      SdkClients.build(THROWAWAY);
      // The signer's clock formatting and MAC, whose first use loads locale data and a provider.
      new SimpleDateFormat("yyyyMMdd'T'HHmmss'Z'", Locale.US).format(new Date());
      Mac.getInstance("HmacSHA256");
      new ReEncryptApi.Answer().deserialize(CANNED_ANSWER);
    } catch (GeneralSecurityException | RuntimeException e) {
      // Left to the first real use; see the class comment.
    }
  }
}
