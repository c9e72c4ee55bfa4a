package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.RecordText;
import cloud.reencrypt.kms.Redacted;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The keystore file as written (format in {@link LocalKeystore}): members in this order, absent
 * ones left out. Only bound, not validated: {@link KeystoreCodec#parse} checks every field. Members
 * this code does not know are kept in {@code others}, free-form (numbers digit for digit), and
 * written back after the known ones in name order: Jackson collects them in a {@code HashMap}, so
 * their order in the file cannot be kept, and name order makes every rewrite give the same text. A
 * member literally named {@code others} is refused, as Jackson binds it to the component.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record KeystoreDocument(
    @JsonDeserialize(using = StrictBoolean.class) Boolean publicDemo,
    String projectId,
    String domainId,
    List<CredentialEntry> credentials,
    @Redacted List<String> authTokens,
    List<KeyEntry> keys,
    @Redacted @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> others) {

  KeystoreDocument {
    others = others == null ? new TreeMap<>() : new TreeMap<>(others);
  }

  /**
   * Tokens and unknown members (which may hold anything) by count only; credentials and keys print
   * their own safe text.
   */
  @Override
  public String toString() {
    return RecordText.of(this);
  }

  /** The keys, none when the member is absent. */
  List<KeyEntry> keyEntries() {
    return keys == null ? List.of() : keys;
  }

  KeystoreDocument withKeys(List<KeyEntry> replaced) {
    return new KeystoreDocument(
        publicDemo, projectId, domainId, credentials, authTokens, List.copyOf(replaced), others);
  }

  /** This document with one more key, last. */
  KeystoreDocument withKey(KeyEntry added) {
    List<KeyEntry> next = new ArrayList<>(keyEntries());
    next.add(added);
    return withKeys(next);
  }

  /** This document with the entry of {@code keyId} changed; KMS.0207 when there is none. */
  KeystoreDocument withKey(String keyId, UnaryOperator<KeyEntry> change) {
    List<KeyEntry> next = new ArrayList<>(keyEntries());
    for (int i = 0; i < next.size(); i++) {
      KeyEntry entry = next.get(i);
      if (entry != null && keyId.equals(entry.keyId())) {
        next.set(i, change.apply(entry));
        return withKeys(next);
      }
    }
    throw cloud.reencrypt.kms.KmsError.KEY_NOT_FOUND.exception(keyId);
  }

  /** One entry of {@code credentials}: a local KMS server's access key and secret key. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record CredentialEntry(
      String accessKey,
      String secretKey,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> others) {
    CredentialEntry {
      others = others == null ? new TreeMap<>() : new TreeMap<>(others);
    }

    /** Names the access key only: the secret stays out of logs. */
    @Override
    public String toString() {
      return "CredentialEntry[accessKey=" + accessKey + "]";
    }
  }

  /**
   * One entry of {@code keys}, as stored: every member a string (key states are KMS's codes as
   * strings, dates milliseconds as strings).
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record KeyEntry(
      String keyId,
      String keyAlias,
      String keySpec,
      String keyUsage,
      String keyState,
      String keyMaterial,
      String keyDescription,
      String creationDate,
      String scheduledDeletionDate,
      String datakeyMode,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> others) {
    KeyEntry {
      others = others == null ? new TreeMap<>() : new TreeMap<>(others);
    }

    /** A new key's entry: no deletion date, the default data key mode, no other members. */
    static KeyEntry created(
        String keyId,
        String alias,
        KeySpec spec,
        String usage,
        String material,
        String description,
        String creationDate) {
      return new KeyEntry(
          keyId,
          alias,
          spec.name(),
          usage,
          KeyStateCode.ENABLED.code(),
          material,
          description,
          creationDate,
          null,
          null,
          null);
    }

    /** This entry in another state, with the deletion date given (null: none). */
    KeyEntry withState(KeyStateCode state, String deletionDate) {
      return new KeyEntry(
          keyId,
          keyAlias,
          keySpec,
          keyUsage,
          state.code(),
          keyMaterial,
          keyDescription,
          creationDate,
          deletionDate,
          datakeyMode,
          others);
    }

    /** Names the key only: the material stays out of logs. */
    @Override
    public String toString() {
      return "KeyEntry[keyId=" + keyId + "]";
    }
  }
}
