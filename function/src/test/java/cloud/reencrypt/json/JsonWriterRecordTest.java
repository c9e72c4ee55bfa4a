package cloud.reencrypt.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records: components in declaration order, either naming, null components left out. */
class JsonWriterRecordTest {
  private static final JsonWriter DECLARED = JsonWriter.compact(JsonWriter.RecordNames.AS_DECLARED);
  private static final JsonWriter SNAKE = JsonWriter.compact(JsonWriter.RecordNames.SNAKE_CASE);

  enum Algorithm {
    SM2_ENCRYPT
  }

  record SourceKey(String keyId, Long keyVersion) {}

  record ReEncryptReply(
      String zetaFirst,
      String cipherText,
      SourceKey sourceKey,
      List<Object> aadParts,
      String missingValue,
      Algorithm encryptionAlgorithm,
      boolean done) {}

  private record PrivateRecord(String someName) {}

  record Thrower(String boom) {
    @Override
    public String boom() {
      throw new IllegalStateException("accessor failed");
    }
  }

  private static ReEncryptReply reply() {
    return new ReEncryptReply(
        "z",
        "c2lnbmVk",
        new SourceKey("k-1", null),
        List.of(1, new SourceKey(null, 2L)),
        null,
        Algorithm.SM2_ENCRYPT,
        true);
  }

  @Test
  void write_recordAsDeclared_keepsComponentNamesInDeclarationOrder() {
    assertEquals(
        "{\"zetaFirst\":\"z\",\"cipherText\":\"c2lnbmVk\",\"sourceKey\":{\"keyId\":\"k-1\"},"
            + "\"aadParts\":[1,{\"keyVersion\":2}],\"encryptionAlgorithm\":\"SM2_ENCRYPT\","
            + "\"done\":true}",
        DECLARED.write(reply()));
  }

  @Test
  void write_recordSnakeCase_renamesEveryComponentAlsoNested() {
    assertEquals(
        "{\"zeta_first\":\"z\",\"cipher_text\":\"c2lnbmVk\",\"source_key\":{\"key_id\":\"k-1\"},"
            + "\"aad_parts\":[1,{\"key_version\":2}],\"encryption_algorithm\":\"SM2_ENCRYPT\","
            + "\"done\":true}",
        SNAKE.write(reply()));
  }

  @Test
  void write_recordPretty_indentsLikeAMap() {
    JsonWriter pretty = JsonWriter.pretty(JsonWriter.RecordNames.SNAKE_CASE);

    assertEquals(
        "{\n  \"key_id\": \"k\",\n  \"key_version\": 3\n}", pretty.write(new SourceKey("k", 3L)));
  }

  @Test
  void write_recordWithOnlyNullComponents_writesEmptyObject() {
    assertEquals("{}", SNAKE.write(new SourceKey(null, null)));
  }

  @Test
  void write_recordInsideMapAndList_writesItAsObject() {
    Object value = Map.of("keys", List.of(new SourceKey("a", 1L)));

    assertEquals("{\"keys\":[{\"key_id\":\"a\",\"key_version\":1}]}", SNAKE.write(value));
  }

  @Test
  void write_oneWriterInBothNamings_doesNotMixThem() {
    SourceKey key = new SourceKey("a", null);

    assertEquals("{\"key_id\":\"a\"}", SNAKE.write(key));
    assertEquals("{\"keyId\":\"a\"}", DECLARED.write(key));
    assertEquals("{\"key_id\":\"a\"}", SNAKE.write(key));
  }

  @Test
  void write_privateNestedRecord_writesIt() {
    assertEquals("{\"some_name\":\"x\"}", SNAKE.write(new PrivateRecord("x")));
  }

  @Test
  void write_packagePrivateRecordOfAnotherPackage_writesIt() throws ReflectiveOperationException {
    // KmsPath is package-private in cloud.reencrypt.server: only the writer's setAccessible lets
    // it call the accessors from this package.
    Class<?> type = Class.forName("cloud.reencrypt.server.KmsPath");
    Constructor<?> constructor = type.getDeclaredConstructor(String.class, String.class);
    constructor.setAccessible(true);
    Object path = constructor.newInstance("project", "re-encrypt");

    assertEquals("{\"project_id\":\"project\",\"operation\":\"re-encrypt\"}", SNAKE.write(path));
  }

  @Test
  void write_recordWhoseAccessorThrows_throwsIllegalState() {
    assertThrows(IllegalStateException.class, () -> DECLARED.write(new Thrower("x")));
  }

  @Test
  void writeThenParse_recordSnakeCase_givesMapOfSnakeNames() {
    Map<String, Object> parsed = Json.parseObject(SNAKE.write(reply()));

    assertEquals("c2lnbmVk", Json.string(parsed, "cipher_text"));
    assertEquals(Map.of("key_id", "k-1"), Json.object(parsed, "source_key"));
    assertEquals(List.of(1L, Map.of("key_version", 2L)), Json.array(parsed, "aad_parts"));
  }
}
