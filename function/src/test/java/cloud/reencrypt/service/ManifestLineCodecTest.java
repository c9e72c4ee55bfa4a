package cloud.reencrypt.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.KmsOperations;
import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.service.ManifestProcessor.LineError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming line reader and writer give what the mapper gives: the same request or the same
 * refusal for any line, the same bytes for any output line.
 */
class ManifestLineCodecTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"cipher_text\":\"abc\"}",
        "{\"source_key_id\":\"s\",\"source_additional_authenticated_data\":\"a\","
            + "\"source_encryption_algorithm\":\"SYMMETRIC_DEFAULT\",\"destination_key_id\":\"d\","
            + "\"destination_additional_authenticated_data\":\"b\","
            + "\"destination_encryption_algorithm\":\"SM2_ENCRYPT\",\"datakey_cipher_length\":\"32\","
            + "\"cipher_text\":\"c\"}",
        "{\"cipher_text\":null,\"destination_key_id\":\"\"}",
        " { \"other\" : {\"deep\": [1, {\"x\": null}]}, \"cipher_text\" : \"\\u00e9\\n\" } ",
        "{\"unknown\": 5, \"also\": true, \"cipher_text\": \"x\"}",
        "{}",
        "{\"cipher_text\": 5}",
        "{\"cipher_text\": true}",
        "{\"cipher_text\": {\"a\": 1}}",
        "{\"cipher_text\": [\"a\"]}",
        "{\"cipher_text\": \"a\", \"cipher_text\": \"b\"}",
        "{\"other\": 1, \"other\": 2}",
        "{\"cipher_text\": \"a\"} {}",
        "{\"cipher_text\": \"a\"} x",
        "{\"cipher_text\": \"a\"",
        "[\"cipher_text\"]",
        "\"text\"",
        "null",
        "not json",
        "   ",
        "{\"cipher_text\": \"unterminated}"
      })
  void bind_anyLine_sameRequestOrRefusalAsTheMapper(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    assertEquals(
        outcome(() -> KmsOperations.RE_ENCRYPT.bind(bytes)),
        outcome(() -> ManifestLineRequest.bind(bytes)));
  }

  @Test
  void bind_invalidUtf8InAString_sameRefusalAsTheMapper() {
    byte[] bytes = {
      '{',
      '"',
      'c',
      'i',
      'p',
      'h',
      'e',
      'r',
      '_',
      't',
      'e',
      'x',
      't',
      '"',
      ':',
      '"',
      (byte) 0xc3,
      '"',
      '}'
    };
    assertEquals(
        outcome(() -> KmsOperations.RE_ENCRYPT.bind(bytes)),
        outcome(() -> ManifestLineRequest.bind(bytes)));
  }

  @Test
  void writer_responsesAndErrors_sameBytesAsTheMapperOneALine() {
    ReEncryptResponse full =
        new ReEncryptResponse("k", "s", "SYMMETRIC_DEFAULT", "SM2_ENCRYPT", "c\"é\u2028");
    ReEncryptResponse partial = new ReEncryptResponse("k", null, null, "SYMMETRIC_DEFAULT", "c");
    LineError error = new LineError(7, KmsError.INVALID_JSON.exception("not valid JSON").detail());
    ManifestLineWriter writer = new ManifestLineWriter(16);

    writer.response(full);
    writer.error(error);
    writer.response(partial);

    String expected =
        JsonMapping.write(full)
            + "\n"
            + JsonMapping.write(error)
            + "\n"
            + JsonMapping.write(partial)
            + "\n";
    assertEquals(expected, new String(writer.toByteArray(), StandardCharsets.UTF_8));
  }

  private static String outcome(java.util.function.Supplier<Object> bind) {
    try {
      return "bound " + bind.get();
    } catch (KmsException e) {
      return "refused " + e.errorCode() + " " + e.errorMsg();
    }
  }
}
