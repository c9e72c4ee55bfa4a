package cloud.reencrypt.kms.local;

import static cloud.reencrypt.kms.local.TestKeystores.assertKmsError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.ListKeysRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keystore file: persistence, reloads, atomic private writes, corrupt files. */
class LocalKeystoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path directory;

  @Test
  void createKey_byOneEngine_isSeenByAnotherOpenOnTheSameFile() throws IOException {
    Path file = TestKeystores.copyOfDemo(directory);
    LocalKmsEngine reader = TestKeystores.engine(file);
    LocalKmsEngine writer = TestKeystores.engine(file);
    String keyId = writer.createKey(Requests.createKey("shared", "AES_256")).keyInfo().keyId();
    assertEquals("shared", reader.describeKey(Requests.keyId(keyId)).keyInfo().keyAlias());
  }

  @Test
  void disableKey_byOneEngine_isRefusedByAnotherOpenOnTheSameFile() throws IOException {
    Path file = TestKeystores.copyOfDemo(directory);
    LocalKmsEngine reader = TestKeystores.engine(file);
    LocalKmsEngine writer = TestKeystores.engine(file);
    reader.encryptData(Requests.encrypt(DemoKeys.AES_256, "x", null, null));
    writer.disableKey(Requests.keyId(DemoKeys.AES_256));
    assertKmsError(
        "KMS.0209", () -> reader.encryptData(Requests.encrypt(DemoKeys.AES_256, "x", null, null)));
  }

  @Test
  void disableKey_byAnotherProcessWritingTheFile_isRefusedOnceTheRecheckTimeHasPassed()
      throws Exception {
    Path file = TestKeystores.copyOfDemo(directory);
    LocalKmsEngine reader = TestKeystores.engine(file);
    reader.encryptData(Requests.encrypt(DemoKeys.AES_256, "x", null, null));
    Path other = directory.resolve("other-process.json");
    Files.copy(file, other);
    TestKeystores.engine(other).disableKey(Requests.keyId(DemoKeys.AES_256));
    // What another process's write looks like here: the file replaced behind this JVM's back.
    Files.move(other, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    Thread.sleep(5); // longer than the keystore's recheck time (1 ms)

    assertKmsError(
        "KMS.0209", () -> reader.encryptData(Requests.encrypt(DemoKeys.AES_256, "x", null, null)));
  }

  @Test
  void update_fieldsThisCodeDoesNotKnow_areKept() throws IOException {
    Path file = TestKeystores.copyOfDemo(directory);
    ObjectNode document = (ObjectNode) JSON.readTree(file.toFile());
    document.put("operator_note", "keep me");
    ((ObjectNode) document.get("keys").get(0)).put("rotation_hint", "yearly");
    Files.write(file, JSON.writeValueAsBytes(document));
    TestKeystores.engine(file).createKey(Requests.createKey("another", null));
    JsonNode rewritten = JSON.readTree(file.toFile());
    assertEquals("keep me", rewritten.get("operator_note").asText());
    assertEquals("yearly", rewritten.get("keys").get(0).get("rotation_hint").asText());
    assertEquals(DemoKeys.ALL.size() + 1, rewritten.get("keys").size());
  }

  @Test
  void createKey_write_leavesAPrivateFileAndNoTemporaryFiles() throws IOException {
    Path file = TestKeystores.copyOfDemo(directory);
    TestKeystores.engine(file).createKey(Requests.createKey("private", "SM4"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(Set.of("keystore.json", "keystore.json.lock"), fileNames());
  }

  @Test
  void open_missingFile_isEmptyAndTheFirstKeyCreatesIt() throws IOException {
    Path file = directory.resolve("new-keystore.json");
    LocalKmsEngine engine = TestKeystores.engine(file);
    assertEquals(0, engine.listKeys(listAll()).total());
    assertFalse(engine.keystore().isPublicDemo());
    String keyId = engine.createKey(Requests.createKey("first", null)).keyInfo().keyId();
    KeystoreSnapshot created = LocalKeystore.open(file).snapshot();
    assertTrue(created.projectId().matches("[0-9a-f]{32}"));
    assertEquals(1, created.credentials().size());
    assertEquals(1, created.authTokens().size());
    assertEquals(Set.of(keyId), created.keys().keySet());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void open_corruptJson_givesOneClearErrorWithoutThePathAndLeavesTheFileUnchanged()
      throws IOException {
    Path file = directory.resolve("keystore.json");
    byte[] corrupt =
        "{\"project_id\": \"49099f1caf3aa0e25a0f60aa6e04253b\", \"keys\": ["
            .getBytes(StandardCharsets.UTF_8);
    Files.write(file, corrupt);
    KmsException failure = assertKmsError("KMS.0101", () -> LocalKeystore.open(file));
    // The message reaches the servers' HTTP clients: no path, not even the file's name.
    assertFalse(failure.getMessage().contains(directory.toString()), failure.getMessage());
    assertFalse(failure.getMessage().contains("keystore.json"), failure.getMessage());
    assertTrue(failure.getMessage().contains("not valid JSON"), failure.getMessage());
    assertEquals(500, failure.httpStatus());
    assertArrayEquals(corrupt, Files.readAllBytes(file));
  }

  @Test
  void update_fileCorruptedAfterOpening_refusesAndLeavesTheFileUnchanged() throws IOException {
    Path file = TestKeystores.copyOfDemo(directory);
    LocalKmsEngine engine = TestKeystores.engine(file);
    long opened = System.nanoTime();
    byte[] corrupt = "not json at all".getBytes(StandardCharsets.UTF_8);
    Files.write(file, corrupt);
    assertKmsError("KMS.0101", () -> engine.createKey(Requests.createKey("lost", null)));
    // A read sees another writer's change once the recheck interval has passed (it may serve the
    // snapshot for that long), so wait that out rather than race it.
    while (System.nanoTime() - opened <= LocalKeystore.RECHECK_NANOS) {
      Thread.onSpinWait();
    }
    assertKmsError("KMS.0101", () -> engine.describeKey(Requests.keyId(DemoKeys.AES_256)));
    assertArrayEquals(corrupt, Files.readAllBytes(file));
  }

  @Test
  void open_badKeyMaterial_namesTheKeyButNeverTheMaterial() throws IOException {
    Path file = TestKeystores.copyOfDemo(directory);
    ObjectNode document = (ObjectNode) JSON.readTree(file.toFile());
    String shortKey =
        Base64.getEncoder()
            .encodeToString("thirty-one bytes of bad materia".getBytes(StandardCharsets.UTF_8));
    ((ObjectNode) document.get("keys").get(0)).put("key_material", shortKey);
    Files.write(file, JSON.writeValueAsBytes(document));
    KmsException failure = assertKmsError("KMS.0101", () -> LocalKeystore.open(file));
    assertTrue(failure.getMessage().contains(DemoKeys.AES_256), failure.getMessage());
    assertTrue(failure.getMessage().contains("key_material"), failure.getMessage());
    assertFalse(failure.getMessage().contains(shortKey), failure.getMessage());
  }

  @Test
  void open_badAsymmetricMaterial_failsOnlyThatKeysUsesWithoutNamingTheMaterial()
      throws IOException {
    Path file = TestKeystores.copyOfDemo(directory);
    String sealed =
        TestKeystores.engine(file)
            .encryptData(Requests.encrypt(DemoKeys.RSA_2048, "x", "RSAES_OAEP_SHA_256", null))
            .cipherText();
    ObjectNode document = (ObjectNode) JSON.readTree(file.toFile());
    String notDer = Base64.getEncoder().encodeToString("not a PKCS#8 key".getBytes(UTF_8));
    for (JsonNode entry : document.get("keys")) {
      if (DemoKeys.RSA_2048.equals(entry.get("key_id").asText())) {
        ((ObjectNode) entry).put("key_material", notDer);
      }
    }
    Files.write(file, JSON.writeValueAsBytes(document));
    LocalKmsEngine engine = TestKeystores.engine(file);
    assertFalse(
        engine
            .encryptData(Requests.encrypt(DemoKeys.AES_256, "x", null, null))
            .cipherText()
            .isEmpty());
    KmsException onEncrypt =
        assertKmsError(
            "KMS.0101",
            () ->
                engine.encryptData(
                    Requests.encrypt(DemoKeys.RSA_2048, "x", "RSAES_OAEP_SHA_256", null)));
    assertTrue(onEncrypt.getMessage().contains(DemoKeys.RSA_2048), onEncrypt.getMessage());
    assertTrue(onEncrypt.getMessage().contains("key_material"), onEncrypt.getMessage());
    assertFalse(onEncrypt.getMessage().contains(notDer), onEncrypt.getMessage());
    assertKmsError(
        "KMS.0101",
        () ->
            engine.decryptData(
                Requests.decrypt(sealed, DemoKeys.RSA_2048, "RSAES_OAEP_SHA_256", null)));
  }

  @Test
  void open_invalidEntries_areRefusedWithTheirField() throws IOException {
    assertRefusedEntry("key_spec", "EC_P256", "key_spec");
    assertRefusedEntry("key_state", "9", "key_state");
    assertRefusedEntry("key_id", "ABC", "key_id");
    assertRefusedEntry("datakey_mode", "ECB", "datakey_mode");
  }

  @Test
  void isPublicDemo_demoKeystore_isTrue() throws IOException {
    assertTrue(LocalKeystore.open(TestKeystores.demo()).isPublicDemo());
  }

  @Test
  void isPublicDemo_demoKeyWithoutTheFlag_isStillTrue() throws IOException {
    Path file = TestKeystores.copyOfDemo(directory);
    ObjectNode document = (ObjectNode) JSON.readTree(file.toFile());
    document.remove("public_demo");
    Files.write(file, JSON.writeValueAsBytes(document));
    assertTrue(LocalKeystore.open(file).isPublicDemo());
  }

  @Test
  void toString_snapshotAndKeys_leaveSecretsOut() throws IOException {
    KeystoreSnapshot snapshot = LocalKeystore.open(TestKeystores.demo()).snapshot();
    JsonNode file = JSON.readTree(TestKeystores.demo().toFile());
    String printed = snapshot + " " + snapshot.credentials() + " " + snapshot.allKeys();
    assertFalse(printed.contains(file.at("/auth_tokens/0").asText()), printed);
    assertFalse(printed.contains(file.at("/credentials/0/secret_key").asText()), printed);
    for (JsonNode key : file.get("keys")) {
      assertFalse(printed.contains(key.get("key_material").asText()), printed);
    }
  }

  private void assertRefusedEntry(String field, String value, String named) throws IOException {
    Path file = directory.resolve("entry-" + field + ".json");
    ObjectNode document = (ObjectNode) JSON.readTree(TestKeystores.demo().toFile());
    ((ObjectNode) document.get("keys").get(1)).put(field, value);
    Files.write(file, JSON.writeValueAsBytes(document));
    KmsException failure = assertKmsError("KMS.0101", () -> LocalKeystore.open(file));
    assertTrue(failure.getMessage().contains("keys[1]"), failure.getMessage());
    assertTrue(failure.getMessage().contains(named), failure.getMessage());
  }

  private Set<String> fileNames() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  private static ListKeysRequest listAll() {
    return new ListKeysRequest(null, null, null, "ALL", null, null);
  }
}
