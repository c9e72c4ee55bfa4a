package cloud.reencrypt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cloud.reencrypt.config.ConfigurationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kms <operation>} end to end through {@link Main#run}. */
class KmsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEMO_AES = "16c0b4dc-5b58-4b43-a72e-a0199f54a53e";

  @TempDir Path directory;

  /** One run: exit status, stdout, stderr. */
  private record Run(int status, String out, String err) {
    JsonNode json() throws IOException {
      return JSON.readTree(out);
    }
  }

  @Test
  void kms_createEncryptReEncryptDecrypt_roundTripsOnATempKeystore() throws IOException {
    Path keystore = directory.resolve("keystore.json");
    Run created = kms(keystore, "create-key", "{\"key_alias\":\"cli-aes\"}");
    assertEquals(0, created.status, created.out);
    String aes = created.json().at("/key_info/key_id").asText();
    String sm4 =
        kms(keystore, "create-key", "{\"key_alias\":\"cli-sm4\",\"key_spec\":\"SM4\"}")
            .json()
            .at("/key_info/key_id")
            .asText();
    String cipherText =
        kms(keystore, "encrypt-data", body("key_id", aes, "plain_text", "through the CLI"))
            .json()
            .get("cipher_text")
            .asText();
    Run reEncrypted =
        kms(keystore, "re-encrypt", body("cipher_text", cipherText, "destination_key_id", sm4));
    assertEquals(0, reEncrypted.status, reEncrypted.out);
    assertEquals(aes, reEncrypted.json().get("source_key_id").asText());
    String moved = reEncrypted.json().get("cipher_text").asText();
    Run decrypted = kms(keystore, "decrypt-data", body("cipher_text", moved));
    assertEquals(sm4, decrypted.json().get("key_id").asText());
    assertEquals("through the CLI", decrypted.json().get("plain_text").asText());
  }

  @Test
  void kms_createKeyInTheDemoKeystore_warnsThatTheKeyIsPublic() throws IOException {
    Path keystore = directory.resolve("demo-copy.json");
    Files.copy(
        Path.of(System.getProperty("reencrypt.repo.root", ".."), "events", "keystore.json"),
        keystore);
    Run run = kms(keystore, "create-key", "{\"key_alias\":\"public-one\"}");
    assertEquals(0, run.status, run.out);
    assertTrue(run.err.contains("public demo keystore"), run.err);
  }

  @Test
  void kms_bodyFromFile_isRead() throws IOException {
    Path keystore = directory.resolve("keystore.json");
    Path body = directory.resolve("body.json");
    Files.writeString(body, "{\"key_alias\":\"from-file\",\"key_spec\":\"SM4\"}");
    Run run = kms(keystore, "create-key", "@" + body);
    assertEquals(0, run.status, run.out);
    Run listed = kms(keystore, "list-keys", "{\"key_spec\":\"SM4\"}");
    assertEquals(1, listed.json().get("total").asInt());
  }

  @Test
  void kms_badJson_printsInvalidJsonError() throws IOException {
    Run run = kms(directory.resolve("keystore.json"), "create-key", "{not json");
    assertEquals(1, run.status);
    assertEquals("KMS.0202", run.json().at("/error/error_code").asText());
  }

  @Test
  void kms_unknownOperation_printsInvalidUrlError() throws IOException {
    Run run = kms(directory.resolve("keystore.json"), "rotate-everything", null);
    assertEquals(1, run.status);
    assertEquals("KMS.0201", run.json().at("/error/error_code").asText());
  }

  @Test
  void kms_engineError_printsKmsErrorBody() throws IOException {
    Path keystore = directory.resolve("keystore.json");
    assertEquals(0, kms(keystore, "create-key", "{\"key_alias\":\"only\"}").status);
    Run run = kms(keystore, "describe-key", body("key_id", "00000000-0000-4000-8000-000000000000"));
    assertEquals(1, run.status);
    assertEquals("KMS.0207", run.json().at("/error/error_code").asText());
    assertTrue(run.json().at("/error/error_msg").isTextual());
  }

  @Test
  void kms_corruptKeystore_printsKms0101NamingTheFile() throws IOException {
    Path keystore = directory.resolve("keystore.json");
    Files.writeString(keystore, "{ not json");
    Run run = kms(keystore, "list-keys", null);
    assertEquals(1, run.status);
    assertEquals("KMS.0101", run.json().at("/error/error_code").asText());
    String message = run.json().at("/error/error_msg").asText();
    assertTrue(message.contains("not valid JSON"), message);
    assertTrue(message.contains(keystore.toAbsolutePath().toString()), message);
  }

  @Test
  void kms_missingKeystore_failsWithOneLineNamingTheFileWithoutTheRepositoryHint()
      throws IOException {
    Path keystore = directory.resolve("none.json");
    Run run = kms(keystore, "encrypt-data", body("key_id", DEMO_AES, "plain_text", "x"));
    assertEquals(1, run.status);
    assertEquals("", run.out);
    assertTrue(run.err.contains("--keystore '" + keystore + "' does not exist"), run.err);
    assertFalse(run.err.contains("repository root"), run.err);
    assertFalse(Files.exists(keystore));
  }

  @Test
  void kms_defaultKeystoreMissing_refusesEvenCreateKeyWithTheRepositoryHint() {
    assumeFalse(Files.exists(Path.of("events/keystore.json")), "the tests run in function/");
    KmsCommand command = new KmsCommand(name -> null);
    for (String operation : List.of("encrypt-data", "create-key")) {
      ConfigurationException e =
          assertThrows(
              ConfigurationException.class,
              () -> command.run(List.of(operation), System.out, System.err));
      assertTrue(e.getMessage().contains("'events/keystore.json' does not exist"), e.getMessage());
      assertTrue(e.getMessage().contains("run from the repository root"), e.getMessage());
    }
  }

  @Test
  void kms_noOperation_isAUsageError() {
    Run run = run(List.of("kms"));
    assertEquals(2, run.status);
    assertTrue(run.err.contains("name an operation"), run.err);
  }

  @Test
  void kms_keystoreFromEnvironment_isUsedWithoutTheOption() throws Exception {
    Path keystore = directory.resolve("env-keystore.json");
    KmsCommand command =
        new KmsCommand(name -> name.equals("REENCRYPT_KEYSTORE") ? keystore.toString() : null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        command.run(
            List.of("create-key", "--body", "{\"key_alias\":\"env\"}"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
    assertTrue(Files.readString(keystore).contains("\"env\""));
  }

  @Test
  void kms_help_listsEveryOperation() {
    Run run = run(List.of("kms", "--help"));
    assertEquals(0, run.status);
    assertTrue(run.out.contains("re-encrypt"), run.out);
    assertTrue(run.out.contains("decrypt-datakey"), run.out);
  }

  private static String body(String... fields) throws IOException {
    var node = JSON.createObjectNode();
    for (int i = 0; i < fields.length; i += 2) {
      node.put(fields[i], fields[i + 1]);
    }
    return JSON.writeValueAsString(node);
  }

  private static Run kms(Path keystore, String operation, String body) {
    List<String> args =
        new ArrayList<>(List.of("kms", operation, "--keystore", keystore.toString()));
    if (body != null) {
      args.addAll(List.of("--body", body));
    }
    return run(args);
  }

  private static Run run(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
