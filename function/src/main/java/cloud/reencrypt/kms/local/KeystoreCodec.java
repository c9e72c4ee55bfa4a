package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the keystore JSON (the format is a contract: see {@link LocalKeystore}). The
 * document is kept as a JSON tree so that fields this code does not know survive a rewrite. Errors
 * name the file, the entry and the field, never a value: a key's material stays out of messages.
 */
final class KeystoreCodec {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectWriter PRETTY =
      JSON.writer(
          new DefaultPrettyPrinter()
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
              .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));

  private final Path path;
  private final MaterialCache materials;

  KeystoreCodec(Path path, MaterialCache materials) {
    this.path = path;
    this.materials = materials;
  }

  /** Parses the file's bytes into a document; anything but a JSON object is unreadable. */
  ObjectNode read(byte[] bytes) {
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw unreadable("not valid JSON" + where);
    } catch (IOException e) {
      throw unreadable("not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw unreadable("the top level must be a JSON object");
    }
    return (ObjectNode) node;
  }

  byte[] write(ObjectNode document) {
    try {
      return (PRETTY.writeValueAsString(document) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** Validates a document and builds the engine's view of it. */
  KeystoreSnapshot parse(ObjectNode document) {
    String projectId = text(document, "project_id", "");
    if (!projectId.matches("[0-9a-f]{32}")) {
      throw unreadable("project_id must be 32 lower-case hex characters");
    }
    JsonNode demo = document.get("public_demo");
    if (demo != null && !demo.isBoolean()) {
      throw unreadable("public_demo must be true or false");
    }
    Map<String, LocalKey> keys = new LinkedHashMap<>();
    ArrayNode entries = array(document, "keys");
    for (int i = 0; i < entries.size(); i++) {
      LocalKey key = new KeyEntryReader(entries.get(i), "keys[" + i + "]", materials, this).read();
      if (keys.put(key.keyId(), key) != null) {
        throw unreadable("keys[" + i + "]: key_id " + key.keyId() + " appears twice");
      }
    }
    materials.retain(keys.keySet());
    return new KeystoreSnapshot(
        projectId,
        text(document, "domain_id", ""),
        demo != null && demo.booleanValue(),
        credentials(document),
        authTokens(document),
        Collections.unmodifiableMap(keys));
  }

  /** The {@code keys} array of a document, created when absent. */
  static ArrayNode keys(ObjectNode document) {
    JsonNode keys = document.get("keys");
    return keys instanceof ArrayNode array ? array : document.putArray("keys");
  }

  /** The entry of one key in a validated document; KMS.0207 when there is none. */
  static ObjectNode keyEntry(ObjectNode document, String keyId) {
    for (JsonNode entry : keys(document)) {
      if (keyId.equals(entry.path("key_id").asText())) {
        return (ObjectNode) entry;
      }
    }
    throw KmsError.KEY_NOT_FOUND.exception(keyId);
  }

  KmsException unreadable(String reason) {
    return KmsError.INTERNAL_ERROR.exception(
        "keystore " + path + " is unreadable (" + reason + "); it is left unchanged");
  }

  String text(JsonNode node, String field, String absent) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return absent;
    }
    if (!value.isTextual()) {
      throw unreadable(field + " must be a string");
    }
    return value.textValue();
  }

  private ArrayNode array(ObjectNode document, String field) {
    JsonNode value = document.get(field);
    if (value == null || value.isNull()) {
      return JSON.createArrayNode();
    }
    if (!value.isArray()) {
      throw unreadable(field + " must be an array");
    }
    return (ArrayNode) value;
  }

  private List<Credential> credentials(ObjectNode document) {
    List<Credential> credentials = new ArrayList<>();
    ArrayNode entries = array(document, "credentials");
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      String accessKey = entry.isObject() ? text(entry, "access_key", "") : "";
      String secretKey = entry.isObject() ? text(entry, "secret_key", "") : "";
      if (accessKey.isEmpty() || secretKey.isEmpty()) {
        throw unreadable("credentials[" + i + "] needs access_key and secret_key strings");
      }
      credentials.add(new Credential(accessKey, secretKey));
    }
    return List.copyOf(credentials);
  }

  private List<String> authTokens(ObjectNode document) {
    List<String> tokens = new ArrayList<>();
    ArrayNode entries = array(document, "auth_tokens");
    for (int i = 0; i < entries.size(); i++) {
      if (!entries.get(i).isTextual() || entries.get(i).textValue().isEmpty()) {
        throw unreadable("auth_tokens[" + i + "] must be a non-empty string");
      }
      tokens.add(entries.get(i).textValue());
    }
    return List.copyOf(tokens);
  }
}
