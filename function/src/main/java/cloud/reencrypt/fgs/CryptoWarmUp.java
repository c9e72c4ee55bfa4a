package cloud.reencrypt.fgs;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;

/**
 * Initialises the JDK's security providers on a background thread while a cold function reads its
 * event, configuration and keys.
 *
 * <p>Why: the first {@code Cipher.getInstance} of a JVM builds the provider list, and on the way to
 * SunJCE it loads SunEC through a scan that instantiates most of the JDK's other providers; with
 * the policy checks and the first {@code SecureRandom}, that is about as long as the JVM's own
 * start. Every first event needs it (the local engine's AES-GCM and random nonces; the KMS engine's
 * TLS), so starting it at handler construction, beside the work that does not need it, hides it on
 * a machine with a second core. Nothing here touches a key or an event, and a failure is ignored:
 * the request that needs the provider meets the same failure and reports it.
 */
final class CryptoWarmUp {
  private static volatile boolean started;

  private CryptoWarmUp() {}

  /** Starts the warm-up once per process; returns at once. */
  static void start() {
    if (started) {
      return;
    }
    started = true;
    // A subclass, not a lambda: a JVM's first lambda costs a bootstrap that would hold back the
    // very thread meant to save time.
    Thread thread =
        new Thread("reencrypt-crypto-warm-up") {
          @Override
          public void run() {
            warmUp();
          }
        };
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Does the warm-up in the calling thread and returns when the providers are ready: the
   * initializer's way, which has the time and must leave nothing for the first request. If the
   * background thread is at it already, the JDK's class and provider locks make this wait for it.
   */
  static void runNow() {
    started = true;
    warmUp();
  }

  private static void warmUp() {
    try {
      new SecureRandom().nextBytes(new byte[1]);
      Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException | RuntimeException e) {
      // Left to the request that needs the provider; see the class comment.
    }
  }
}
