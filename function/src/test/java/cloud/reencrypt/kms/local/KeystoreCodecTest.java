package cloud.reencrypt.kms.local;

import static cloud.reencrypt.kms.local.TestKeystores.assertKmsError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.KmsException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The keystore's JSON through the project's mapper: the file's layout and the refusals. */
class KeystoreCodecTest {
  private static final String PROJECT = "\"project_id\": \"49099f1caf3aa0e25a0f60aa6e04253b\"";

  private final KeystoreCodec codec = new KeystoreCodec(new MaterialCache());

  @Test
  void readThenWrite_demoKeystore_givesTheSameBytes() throws IOException {
    byte[] file = Files.readAllBytes(TestKeystores.demo());

    String written = new String(codec.write(codec.read(file)), UTF_8);

    assertEquals(new String(file, UTF_8), written);
  }

  @Test
  void write_emptyListsAndUnknownMembers_keepsTheLayoutAndTheMembersInNameOrder() {
    String text =
        "{\n  "
            + PROJECT
            + ",\n  \"keys\": [],\n  \"big\": 123456789012345678901234567890,\n  \"exact\": 1.50,\n  \"note\": {}\n}\n";

    assertEquals(text, new String(codec.write(codec.read(text.getBytes(UTF_8))), UTF_8));
  }

  @Test
  void write_unknownMemberBeforeKnownOnes_movesItAfterThem() {
    String text = "{\"note\": [1, \"a\", null, true], \"b\": 2, " + PROJECT + "}";

    assertEquals(
        "{\n  "
            + PROJECT
            + ",\n  \"b\": 2,\n  \"note\": [\n    1,\n    \"a\",\n    null,\n    true\n  ]\n}\n",
        new String(codec.write(codec.read(text.getBytes(UTF_8))), UTF_8));
  }

  static Stream<Arguments> badKeystores() {
    return Stream.of(
        Arguments.of("{" + PROJECT + ", \"keys\": [", "not valid JSON: "),
        Arguments.of("{" + PROJECT + ", \"keys\": [], \"keys\": []}", "repeated member name"),
        Arguments.of("[]", "the top level must be a JSON object"),
        Arguments.of("null", "the top level must be a JSON object"),
        Arguments.of("{\"project_id\": 5}", "project_id must be a string"),
        Arguments.of("{\"project_id\": \"ABC\"}", "project_id must be 32 lower-case hex"),
        Arguments.of("{" + PROJECT + ", \"public_demo\": \"true\"}", "public_demo must be"),
        Arguments.of("{" + PROJECT + ", \"public_demo\": 1}", "public_demo must be"),
        Arguments.of("{" + PROJECT + ", \"keys\": {}}", "keys must be an array"),
        Arguments.of("{" + PROJECT + ", \"keys\": \"\"}", "keys must be an array"),
        Arguments.of("{" + PROJECT + ", \"keys\": [null]}", "keys[0] must be an object"),
        Arguments.of("{" + PROJECT + ", \"keys\": [\"k\"]}", "keys[0] must be an object"),
        Arguments.of("{" + PROJECT + ", \"keys\": [{\"key_id\": 7}]}", "keys[0].key_id must be"),
        Arguments.of("{" + PROJECT + ", \"auth_tokens\": [\"\"]}", "auth_tokens[0] must be"),
        Arguments.of("{" + PROJECT + ", \"auth_tokens\": [null]}", "auth_tokens[0] must be"),
        Arguments.of("{" + PROJECT + ", \"auth_tokens\": [5]}", "auth_tokens[0] must be"),
        Arguments.of("{" + PROJECT + ", \"credentials\": [{}]}", "credentials[0] needs"),
        Arguments.of("{" + PROJECT + ", \"credentials\": [null]}", "credentials[0] needs"));
  }

  @ParameterizedTest
  @MethodSource("badKeystores")
  void readAndParse_badKeystore_isKms0101NamingTheReason(String text, String reason) {
    KmsException e =
        assertKmsError("KMS.0101", () -> codec.parse(codec.read(text.getBytes(UTF_8))));

    assertTrue(e.getMessage().contains("keystore is unreadable ("), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
