package cloud.reencrypt.kms.local.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** Reads the vendored Wycheproof files under {@code vectors/wycheproof/} (see the NOTICE there). */
final class Wycheproof {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Wycheproof() {}

  static JsonNode load(String fileName) {
    String resource = "/vectors/wycheproof/" + fileName;
    try (InputStream in = Wycheproof.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] hex(JsonNode node, String field) {
    return HexFormat.of().parseHex(node.get(field).asText());
  }

  static String hexOf(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * Checks one vector's outcome as Wycheproof defines it: "valid" must give {@code expected},
   * "invalid" must throw GeneralSecurityException, "acceptable" may do either (a result must still
   * be {@code expected}).
   */
  static void check(JsonNode test, byte[] expected, Decryption decryption) throws Exception {
    String result = test.get("result").asText();
    String id = "tcId " + test.get("tcId").asInt();
    switch (result) {
      case "valid" -> assertEquals(hexOf(expected), hexOf(decryption.run()), id);
      case "invalid" -> assertThrows(GeneralSecurityException.class, decryption::run, id);
      case "acceptable" -> {
        byte[] output;
        try {
          output = decryption.run();
        } catch (GeneralSecurityException rejected) {
          return;
        }
        assertEquals(hexOf(expected), hexOf(output), id);
      }
      default -> throw new IllegalStateException(id + ": unknown result " + result);
    }
  }

  /** A decryption that may legitimately fail. */
  interface Decryption {
    byte[] run() throws Exception;
  }
}
