package cloud.reencrypt.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.local.DemoKeys;
import cloud.reencrypt.server.KmsHttp.Reply;
import cloud.reencrypt.testing.LocalKmsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A keystore that breaks under a running server: the client learns nothing of the file. */
class KmsServerKeystoreFailureTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  /** Keeps the server's log records. */
  private static final class Capture extends Handler {
    final List<LogRecord> records = new ArrayList<>();

    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void encryptData_keystoreCorruptedWhileServing_isGeneric500AndTheReasonIsLogged(@TempDir Path dir)
      throws Exception {
    Path keystore = LocalKmsServer.copyDemoKeystore(dir);
    Capture capture = new Capture();
    Logger logger = Logger.getLogger(KmsServer.class.getName());
    logger.addHandler(capture);
    try (LocalKmsServer kms = LocalKmsServer.on(keystore, Clock.fixed(NOW, ZoneOffset.UTC))) {
      Files.writeString(keystore, "{ corrupt");
      Thread.sleep(5); // longer than the keystore's recheck time (1 ms)

      Reply reply =
          new KmsHttp(kms, NOW)
              .signed(
                  "encrypt-data", "{\"key_id\":\"" + DemoKeys.AES_256 + "\",\"plain_text\":\"x\"}");

      assertEquals(500, reply.status());
      assertEquals("KMS.0101", reply.errorCode());
      assertEquals("KMS internal error", reply.json().at("/error/error_msg").asText());
      assertFalse(reply.json().toString().contains(dir.toString()), reply.json().toString());
    } finally {
      logger.removeHandler(capture);
    }
    String logged = new SimpleFormatter().formatMessage(capture.records.get(0));
    assertTrue(logged.contains("keystore is unreadable (not valid JSON"), logged);
  }
}
