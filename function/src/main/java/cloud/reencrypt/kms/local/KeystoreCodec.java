package cloud.reencrypt.kms.local;

import cloud.reencrypt.json.Json;
import cloud.reencrypt.json.JsonException;
import cloud.reencrypt.json.JsonWriter;
import cloud.reencrypt.json.JsonWriter.RecordNames;
import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.KmsException;
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
  private static final JsonWriter PRETTY = JsonWriter.pretty(RecordNames.SNAKE_CASE);

  private final Path path;
  private final MaterialCache materials;

  KeystoreCodec(Path path, MaterialCache materials) {
    this.path = path;
    this.materials = materials;
  }

  /** Parses the file's bytes into a document; anything but a JSON object is unreadable. */
  Map<String, Object> read(byte[] bytes) {
    Object value;
    try {
      value = Json.parse(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonException e) {
      throw unreadable("not valid JSON: " + e.getMessage());
    }
    Map<String, Object> document = Json.asObject(value);
    if (document == null) {
      throw unreadable("the top level must be a JSON object");
    }
    return document;
  }

  byte[] write(Map<String, Object> document) {
    return (PRETTY.write(document) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Validates a document and builds the engine's view of it. */
  KeystoreSnapshot parse(Map<String, Object> document) {
    String projectId = text(document, "project_id", "");
    if (!projectId.matches("[0-9a-f]{32}")) {
      throw unreadable("project_id must be 32 lower-case hex characters");
    }
    Object demo = document.get("public_demo");
    if (demo != null && !(demo instanceof Boolean)) {
      throw unreadable("public_demo must be true or false");
    }
    Map<String, LocalKey> keys = new LinkedHashMap<>();
    List<Object> entries = array(document, "keys");
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
        Boolean.TRUE.equals(demo),
        credentials(document),
        authTokens(document),
        Collections.unmodifiableMap(keys));
  }

  /** The {@code keys} array of a document, created when absent. */
  static List<Object> keys(Map<String, Object> document) {
    List<Object> keys = Json.array(document, "keys");
    if (keys == null) {
      keys = new ArrayList<>();
      document.put("keys", keys);
    }
    return keys;
  }

  /** The entry of one key in a validated document; KMS.0207 when there is none. */
  static Map<String, Object> keyEntry(Map<String, Object> document, String keyId) {
    for (Object value : keys(document)) {
      Map<String, Object> entry = Json.asObject(value);
      if (entry != null && keyId.equals(entry.get("key_id"))) {
        return entry;
      }
    }
    throw KmsError.KEY_NOT_FOUND.exception(keyId);
  }

  KmsException unreadable(String reason) {
    return KmsError.INTERNAL_ERROR.exception(
        "keystore " + path + " is unreadable (" + reason + "); it is left unchanged");
  }

  String text(Map<String, Object> object, String field, String absent) {
    Object value = object.get(field);
    if (value == null) {
      return absent;
    }
    if (!(value instanceof String text)) {
      throw unreadable(field + " must be a string");
    }
    return text;
  }

  private List<Object> array(Map<String, Object> document, String field) {
    Object value = document.get(field);
    if (value == null) {
      return List.of();
    }
    List<Object> array = Json.asArray(value);
    if (array == null) {
      throw unreadable(field + " must be an array");
    }
    return array;
  }

  private List<Credential> credentials(Map<String, Object> document) {
    List<Credential> credentials = new ArrayList<>();
    List<Object> entries = array(document, "credentials");
    for (int i = 0; i < entries.size(); i++) {
      Map<String, Object> entry = Json.asObject(entries.get(i));
      String accessKey = entry != null ? text(entry, "access_key", "") : "";
      String secretKey = entry != null ? text(entry, "secret_key", "") : "";
      if (accessKey.isEmpty() || secretKey.isEmpty()) {
        throw unreadable("credentials[" + i + "] needs access_key and secret_key strings");
      }
      credentials.add(new Credential(accessKey, secretKey));
    }
    return List.copyOf(credentials);
  }

  private List<String> authTokens(Map<String, Object> document) {
    List<String> tokens = new ArrayList<>();
    List<Object> entries = array(document, "auth_tokens");
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.get(i) instanceof String token) || token.isEmpty()) {
        throw unreadable("auth_tokens[" + i + "] must be a non-empty string");
      }
      tokens.add(token);
    }
    return List.copyOf(tokens);
  }
}
