package cloud.reencrypt.kms.local;

import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.local.KeystoreDocument.CredentialEntry;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.mapping.JsonReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the keystore JSON (the format is a contract: see {@link LocalKeystore}) through
 * the project's mapper, as a {@link KeystoreDocument}. Members this code does not know are kept,
 * numbers among them digit for digit. Errors name the entry and the field, never a value: a key's
 * material stays out of messages. Nor do they name the file: they reach the servers' HTTP clients,
 * so the commands that know the path add it where they print for a local user.
 */
final class KeystoreCodec {
  private static final ObjectReader READER =
      JsonMapping.reader(KeystoreDocument.class)
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .with(JsonNodeFactory.withExactBigDecimals(true));
  private static final ObjectWriter WRITER = JsonMapping.writer().with(layout());

  private final MaterialCache materials;

  KeystoreCodec(MaterialCache materials) {
    this.materials = materials;
  }

  /**
   * The file's layout, as written since the format began: two spaces per level, one member or
   * element per line, {@code "name": value}, {@code []} and {@code {}} when empty.
   */
  private static PrettyPrinter layout() {
    DefaultIndenter lines = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators).withObjectIndenter(lines).withArrayIndenter(lines);
  }

  /** Binds the file's bytes; anything but a JSON object with members of the right types fails. */
  KeystoreDocument read(byte[] bytes) {
    try {
      return JsonMapping.read(READER, bytes);
    } catch (JsonReadException e) {
      throw unreadable(
          switch (e.kind()) {
            case MALFORMED -> "not valid JSON: " + e.getMessage();
            case WRONG_ROOT -> "the top level must be a JSON object";
            case WRONG_TYPE -> e.getMessage();
          });
    }
  }

  byte[] write(KeystoreDocument document) {
    try {
      return (WRITER.writeValueAsString(document) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a keystore document always serialises", e);
    }
  }

  /** Validates a document and builds the engine's view of it. */
  KeystoreSnapshot parse(KeystoreDocument document) {
    String projectId = orEmpty(document.projectId());
    if (!projectId.matches("[0-9a-f]{32}")) {
      throw unreadable("project_id must be 32 lower-case hex characters");
    }
    Map<String, LocalKey> keys = new LinkedHashMap<>();
    List<KeystoreDocument.KeyEntry> entries = document.keyEntries();
    for (int i = 0; i < entries.size(); i++) {
      LocalKey key = new KeyEntryReader(entries.get(i), "keys[" + i + "]", materials, this).read();
      if (keys.put(key.keyId(), key) != null) {
        throw unreadable("keys[" + i + "]: key_id " + key.keyId() + " appears twice");
      }
    }
    materials.retain(keys.keySet());
    return new KeystoreSnapshot(
        projectId,
        orEmpty(document.domainId()),
        Boolean.TRUE.equals(document.publicDemo()),
        credentials(document.credentials()),
        authTokens(document.authTokens()),
        Collections.unmodifiableMap(keys));
  }

  KmsException unreadable(String reason) {
    return KmsError.INTERNAL_ERROR.exception(
        "keystore is unreadable (" + reason + "); it is left unchanged");
  }

  static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private List<Credentials> credentials(List<CredentialEntry> entries) {
    if (entries == null) {
      return List.of();
    }
    List<Credentials> credentials = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      CredentialEntry entry = entries.get(i);
      String accessKey = entry != null ? orEmpty(entry.accessKey()) : "";
      String secretKey = entry != null ? orEmpty(entry.secretKey()) : "";
      if (accessKey.isEmpty() || secretKey.isEmpty()) {
        throw unreadable("credentials[" + i + "] needs access_key and secret_key strings");
      }
      credentials.add(new Credentials(accessKey, secretKey, null));
    }
    return List.copyOf(credentials);
  }

  private List<String> authTokens(List<String> entries) {
    if (entries == null) {
      return List.of();
    }
    for (int i = 0; i < entries.size(); i++) {
      String token = entries.get(i);
      if (token == null || token.isEmpty()) {
        throw unreadable("auth_tokens[" + i + "] must be a non-empty string");
      }
    }
    return List.copyOf(entries);
  }
}
