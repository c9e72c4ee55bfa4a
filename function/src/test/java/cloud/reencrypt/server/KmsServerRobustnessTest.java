package cloud.reencrypt.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.server.KmsHttp.Reply;
import cloud.reencrypt.server.auth.KeystoreAccess;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.LocalKmsServer;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Load, misbehaving clients, engine defects and restarts never break the server. */
class KmsServerRobustnessTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void server_sixteenConcurrentClients_allServedWithDistinctRequestIds() throws Exception {
    try (LocalKmsServer kms = LocalKmsServer.start(CLOCK)) {
      String cipherText = DemoKms.encrypt(DemoKms.AES, "concurrent");
      String body =
          "{\"cipher_text\":\"" + cipherText + "\",\"destination_key_id\":\"" + DemoKms.SM4 + "\"}";
      ExecutorService clients = Executors.newFixedThreadPool(16);
      List<Future<List<Reply>>> results = new ArrayList<>();
      for (int client = 0; client < 16; client++) {
        results.add(clients.submit(() -> repeat(new KmsHttp(kms, NOW), body, 5)));
      }
      Set<String> requestIds = new HashSet<>();
      for (Future<List<Reply>> result : results) {
        for (Reply reply : result.get()) {
          assertEquals(200, reply.status(), reply.json()::toString);
          requestIds.add(reply.requestId());
        }
      }
      clients.shutdown();
      assertEquals(80, requestIds.size());
    }
  }

  @Test
  void server_fourRequestsAtOnce_areHandledInParallel() throws Exception {
    CyclicBarrier allInside = new CyclicBarrier(4);
    KmsEngine gated = engine(() -> allInside.await(30, TimeUnit.SECONDS));
    try (KmsServer server = KmsServer.start(gated, access(), 0, CLOCK, 1024)) {
      ExecutorService clients = Executors.newFixedThreadPool(4);
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        replies.add(clients.submit(() -> tokenCall(server, "list-keys")));
      }
      for (Future<Reply> reply : replies) {
        assertEquals("KMS.0101", reply.get().errorCode()); // every call passed the barrier
      }
      clients.shutdown();
    }
  }

  @Test
  void server_slowAndGarbageClients_doNotStopOthers() throws Exception {
    try (LocalKmsServer kms = LocalKmsServer.start(CLOCK)) {
      List<Socket> slow = new ArrayList<>();
      for (int i = 0; i < LoopbackHttpServer.MAX_THREADS; i++) {
        Socket socket = new Socket("127.0.0.1", kms.port());
        write(socket, "POST /v1.0/" + kms.projectId() + "/kms/list-keys HTTP/1.1\r\nHost: x\r\n");
        slow.add(socket);
      }
      try (Socket garbage = new Socket("127.0.0.1", kms.port())) {
        write(garbage, "\u0000\u00ff NOT HTTP AT ALL \r\n\r\n");
        garbage.getInputStream().readAllBytes();
      }
      assertEquals(200, new KmsHttp(kms, NOW).signed("list-keys", "{}").status());
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  @Test
  void server_engineDefect_is500WithoutDetailInAnswerOrLog() throws Exception {
    List<LogRecord> logged = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger.getLogger(KmsServer.class.getName()).addHandler(capture);
    KmsEngine broken =
        engine(
            () -> {
              throw new IllegalStateException("secret-material-0123");
            });
    try (KmsServer server = KmsServer.start(broken, access(), 0, CLOCK, 1024)) {
      Reply reply = tokenCall(server, "list-keys");

      assertEquals(500, reply.status());
      assertEquals("KMS.0101", reply.errorCode());
      assertFalse(reply.json().toString().contains("secret-material"));
    } finally {
      Logger.getLogger(KmsServer.class.getName()).removeHandler(capture);
    }
    assertEquals(1, logged.size());
    String line = new java.util.logging.SimpleFormatter().formatMessage(logged.get(0));
    assertTrue(line.contains("IllegalStateException"), line);
    assertFalse(line.contains("secret-material"), line);
  }

  @Test
  void server_restartedOnTheSameKeystore_keepsCreatedKeys(@TempDir Path dir) throws Exception {
    Path keystore = LocalKmsServer.copyDemoKeystore(dir);
    String keyId;
    String cipherText;
    try (LocalKmsServer first = LocalKmsServer.on(keystore, CLOCK)) {
      KmsHttp http = new KmsHttp(first, NOW);
      Reply created = http.signed("create-key", "{\"key_alias\":\"survives-restart\"}");
      keyId = created.json().path("key_info").path("key_id").asText();
      cipherText =
          http.signed("encrypt-data", "{\"key_id\":\"" + keyId + "\",\"plain_text\":\"kept\"}")
              .json()
              .path("cipher_text")
              .asText();
    }
    try (LocalKmsServer second = LocalKmsServer.on(keystore, CLOCK)) {
      KmsHttp http = new KmsHttp(second, NOW);
      Reply described = http.signed("describe-key", "{\"key_id\":\"" + keyId + "\"}");
      Reply decrypted = http.signed("decrypt-data", "{\"cipher_text\":\"" + cipherText + "\"}");

      assertEquals(
          "survives-restart", described.json().path("key_info").path("key_alias").asText());
      assertEquals("kept", decrypted.json().path("plain_text").asText());
    }
  }

  /** A probe engine: every call runs {@code action} first, then fails as a defect would. */
  private static KmsEngine engine(java.util.concurrent.Callable<?> action) {
    return (KmsEngine)
        Proxy.newProxyInstance(
            KmsEngine.class.getClassLoader(),
            new Class<?>[] {KmsEngine.class},
            (proxy, method, args) -> {
              action.call();
              throw new IllegalStateException("engine defect");
            });
  }

  private static KeystoreAccess access() {
    return new KeystoreAccess("p0", Map.of(), List.of("token"));
  }

  private static Reply tokenCall(KmsServer server, String operation) {
    java.net.URI url = java.net.URI.create(server.url() + "/v1.0/p0/kms/" + operation);
    return new KmsHttp(null, NOW).post(url, Map.of("X-Auth-Token", "token"), "{}");
  }

  private static List<Reply> repeat(KmsHttp http, String body, int times) {
    List<Reply> replies = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      replies.add(http.signed("re-encrypt", body));
    }
    return replies;
  }

  private static void write(Socket socket, String text) throws Exception {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }
}
