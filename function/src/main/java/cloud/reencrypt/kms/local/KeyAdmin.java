package cloud.reencrypt.kms.local;

import cloud.reencrypt.kms.CreateKeyRequest;
import cloud.reencrypt.kms.CreatedKey;
import cloud.reencrypt.kms.KeyDetails;
import cloud.reencrypt.kms.KeyIdRequest;
import cloud.reencrypt.kms.KeyInfoResponse;
import cloud.reencrypt.kms.KeyState;
import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.kms.ScheduleKeyDeletionRequest;
import cloud.reencrypt.kms.local.KeystoreDocument.KeyEntry;
import cloud.reencrypt.kms.local.crypto.Secrets;
import java.time.Clock;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Key management on the keystore: create-key, describe-key, and the state changes (enable, disable,
 * schedule and cancel deletion), with KMS's rules and errors. Keys pending deletion are never
 * removed: they stay refused until the deletion is cancelled.
 */
final class KeyAdmin {
  private static final Pattern ALIAS = Pattern.compile("[a-zA-Z0-9:/_-]{1,255}");
  private static final int MAX_DESCRIPTION = 255;
  private static final long DAY_MILLIS = 86_400_000L;

  private final LocalKeystore keystore;
  private final Clock clock;

  KeyAdmin(LocalKeystore keystore, Clock clock) {
    this.keystore = keystore;
    this.clock = clock;
  }

  KeyInfoResponse<CreatedKey> createKey(CreateKeyRequest request) {
    NewKey key = NewKey.from(request);
    byte[] material = KeyMaterial.generate(key.spec());
    String encoded = Encodings.base64(material);
    Secrets.wipe(material);
    String keyId = KeyIds.random();
    String domainId =
        keystore.update(
            (edit, current) -> {
              for (LocalKey existing : current.allKeys()) {
                if (existing.alias().equals(key.alias())) {
                  throw KmsError.DUPLICATE_ALIAS.exception(key.alias());
                }
              }
              edit.addKey(
                  KeyEntry.created(
                      keyId,
                      key.alias(),
                      key.spec(),
                      key.usage(),
                      encoded,
                      key.description(),
                      Long.toString(clock.millis())));
              return current.domainId();
            });
    return new KeyInfoResponse<>(new CreatedKey(keyId, domainId));
  }

  KeyInfoResponse<KeyDetails> describeKey(KeyIdRequest request) {
    KeystoreSnapshot snapshot = keystore.snapshot();
    LocalKey key = snapshot.key("key_id", RequestFields.required("key_id", request.keyId()));
    return new KeyInfoResponse<>(key.details(snapshot.domainId()));
  }

  KeyInfoResponse<KeyState> enableKey(KeyIdRequest request) {
    return new KeyInfoResponse<>(
        changeState(
            request.keyId(),
            key -> {
              refuseIfPendingDeletion(key);
              if (key.state() != KeyStateCode.DISABLED) {
                throw KmsError.KEY_NOT_DISABLED.exception();
              }
              return KeyStateCode.ENABLED;
            },
            null));
  }

  KeyInfoResponse<KeyState> disableKey(KeyIdRequest request) {
    return new KeyInfoResponse<>(
        changeState(
            request.keyId(),
            key -> {
              refuseIfPendingDeletion(key);
              if (key.state() != KeyStateCode.ENABLED) {
                throw KmsError.KEY_NOT_ENABLED.exception();
              }
              return KeyStateCode.DISABLED;
            },
            null));
  }

  KeyState scheduleKeyDeletion(ScheduleKeyDeletionRequest request) {
    Integer days =
        RequestFields.integer(
            "pending_days", request.pendingDays(), 7, 1096, KmsError.INVALID_PENDING_DAYS);
    if (days == null) {
      throw KmsError.MISSING_PARAMETER.exception("pending_days");
    }
    String deletionDate = Long.toString(clock.millis() + days * DAY_MILLIS);
    return changeState(
        request.keyId(),
        key -> {
          if (key.state() == KeyStateCode.PENDING_DELETION) {
            throw KmsError.ALREADY_PENDING_DELETION.exception();
          }
          return KeyStateCode.PENDING_DELETION;
        },
        deletionDate);
  }

  /** Cancelling a deletion leaves the key disabled, as KMS does. */
  KeyState cancelKeyDeletion(KeyIdRequest request) {
    return changeState(
        request.keyId(),
        key -> {
          if (key.state() != KeyStateCode.PENDING_DELETION) {
            throw KmsError.NOT_PENDING_DELETION.exception();
          }
          return KeyStateCode.DISABLED;
        },
        null);
  }

  private KeyState changeState(
      String requestedKeyId, Function<LocalKey, KeyStateCode> rule, String deletionDate) {
    String keyId = KeyIds.requireValid("key_id", RequestFields.required("key_id", requestedKeyId));
    return keystore.update(
        (edit, current) -> {
          KeyStateCode next = rule.apply(current.key(keyId));
          edit.changeKey(keyId, entry -> entry.withState(next, deletionDate));
          return new KeyState(keyId, next.code());
        });
  }

  private static void refuseIfPendingDeletion(LocalKey key) {
    if (key.state() == KeyStateCode.PENDING_DELETION) {
      throw KmsError.KEY_PENDING_DELETION.exception("key_id");
    }
  }

  /** A create-key request, checked. */
  private record NewKey(String alias, KeySpec spec, String usage, String description) {
    static NewKey from(CreateKeyRequest request) {
      String alias = RequestFields.required("key_alias", request.keyAlias());
      if (!ALIAS.matcher(alias).matches()) {
        throw KmsError.INVALID_ALIAS.exception("key_alias must match ^[a-zA-Z0-9:/_-]{1,255}$");
      }
      KeySpec spec = KeySpec.forCreateKey(request.keySpec());
      String description = request.keyDescription() == null ? "" : request.keyDescription();
      if (description.length() > MAX_DESCRIPTION) {
        throw KmsError.INVALID_DESCRIPTION.exception("key_description is over 255 characters");
      }
      // The keystore file is UTF-8, which would store a lone surrogate as "?".
      RequestFields.utf8("key_description", description, KmsError.INVALID_DESCRIPTION);
      checkOrigin(request.origin());
      return new NewKey(alias, spec, usage(spec, request.keyUsage()), description);
    }

    /**
     * ENCRYPT_DECRYPT by default for every spec (KMS defaults RSA and SM2 to SIGN_VERIFY; this
     * engine exists to encrypt). SIGN_VERIFY is kept for asymmetric keys, which then refuse to
     * encrypt (KMS.0335), and refused for symmetric ones (KMS.1115).
     */
    private static String usage(KeySpec spec, String usage) {
      if (!RequestFields.present(usage) || usage.equals(LocalKey.ENCRYPT_DECRYPT)) {
        return LocalKey.ENCRYPT_DECRYPT;
      }
      if (!usage.equals(LocalKey.SIGN_VERIFY)) {
        throw KmsError.INVALID_PARAMETER.exception(
            "key_usage must be ENCRYPT_DECRYPT or SIGN_VERIFY");
      }
      if (spec.symmetric()) {
        throw KmsError.SYMMETRIC_KEY_NOT_SIGN.exception("key_usage SIGN_VERIFY");
      }
      return usage;
    }

    private static void checkOrigin(String origin) {
      if (RequestFields.present(origin) && !origin.equals("kms")) {
        throw KmsError.INVALID_PARAMETER.exception(
            "origin must be kms: the local engine does not import key material");
      }
    }
  }
}
