package cloud.reencrypt.kms.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.server.ServeStats;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.LocalKmsServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The deployment quota end to end, on the real clock: {@code serve --max-tps 50} on loopback (the
 * account's quota), the cloud engine through the official SDK configured as a function instance is
 * ({@link CloudKmsConfig}), and sixteen threads re-encrypting 400 ciphertexts through it. Every
 * call must succeed, and the server must never have answered more than 50 in a second.
 */
@Timeout(600) // a hang guard only: nothing here waits for a fixed time
class CloudKmsEngineQuotaTest {
  private static final int SERVER_TPS = 50;
  private static final int CIPHERTEXTS = 400;
  private static final int THREADS = 16;
  private static final List<String> SOURCES = new ArrayList<>();

  @BeforeAll
  static void ciphertexts() {
    for (int i = 0; i < CIPHERTEXTS; i++) {
      SOURCES.add(DemoKms.encrypt(DemoKms.AES, "secret " + i));
    }
  }

  @Test
  void reEncrypt_totalTpsAtTheServersLimit_everyCallSucceedsWithinTheLimit() throws Exception {
    ServeStats stats = reEncryptAll(Map.of("KMS_TOTAL_TPS", "50"));

    assertTrue(stats.peakAnswered() <= SERVER_TPS, "peak " + stats.peakAnswered());
    assertEquals(CIPHERTEXTS, stats.answered(), "every request let through succeeded once");
  }

  @Test
  void reEncrypt_noClientRateConfigured_throttlingOnlySlowsItDown() throws Exception {
    ServeStats stats = reEncryptAll(Map.of());

    assertTrue(stats.peakAnswered() <= SERVER_TPS, "peak " + stats.peakAnswered());
    assertEquals(CIPHERTEXTS, stats.answered(), "every request let through succeeded once");
    // sixteen unpaced threads on loopback go far beyond 50/s: the server did push back
    assertTrue(stats.throttled() > 0, "throttled " + stats.throttled());
  }

  /**
   * Re-encrypts every source into SM4 through a cloud engine with these settings against a fresh
   * {@code serve --max-tps 50}, checks every answer, and returns the server's counts.
   */
  private static ServeStats reEncryptAll(Map<String, String> settings) throws Exception {
    try (LocalKmsServer kms = LocalKmsServer.start(Clock.systemUTC(), SERVER_TPS)) {
      KmsEngine engine = kms.cloudEngine(settings);
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<ReEncryptResponse>> answers = new ArrayList<>();
        for (String source : SOURCES) {
          answers.add(threads.submit(() -> engine.reEncrypt(toSm4(source))));
        }
        for (int i = 0; i < CIPHERTEXTS; i++) {
          assertEquals("secret " + i, plaintext(answers.get(i).get())); // throws on any error
        }
      } finally {
        threads.shutdownNow();
      }
      return kms.stats();
    }
  }

  private static ReEncryptRequest toSm4(String source) {
    return new ReEncryptRequest(null, null, null, DemoKms.SM4, null, null, null, source);
  }

  private static String plaintext(ReEncryptResponse answer) {
    assertEquals(DemoKms.SM4, answer.keyId());
    String base64 = DemoKms.plaintexts().of(DemoKms.SM4, null, null, answer.cipherText());
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
