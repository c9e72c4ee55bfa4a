package cloud.reencrypt.kms;

import cloud.reencrypt.json.Json;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One KMS operation as it appears on the wire: its path segment after {@code /kms/}, its request
 * type, the fields KMS requires, the IAM actions it needs on Huawei Cloud, and the engine method
 * that performs it. The CLI, the local KMS server and the API handler all dispatch through here, so
 * request checking happens in exactly one place.
 *
 * <p>The IAM actions are the single list the Terraform agency is checked against.
 */
public final class KmsOperation<Q, R> {
  public static final KmsOperation<CreateKeyRequest, KeyInfoResponse<CreatedKey>> CREATE_KEY =
      new KmsOperation<>(
          "create-key",
          CreateKeyRequest.class,
          "createKey",
          List.of("key_alias"),
          Set.of("kms:cmk:create"));
  public static final KmsOperation<KeyIdRequest, KeyInfoResponse<KeyDetails>> DESCRIBE_KEY =
      new KmsOperation<>(
          "describe-key",
          KeyIdRequest.class,
          "describeKey",
          List.of("key_id"),
          Set.of("kms:cmk:get"));
  public static final KmsOperation<ListKeysRequest, ListKeysResponse> LIST_KEYS =
      new KmsOperation<>(
          "list-keys", ListKeysRequest.class, "listKeys", List.of(), Set.of("kms:cmk:list"));
  public static final KmsOperation<KeyIdRequest, KeyInfoResponse<KeyState>> ENABLE_KEY =
      new KmsOperation<>(
          "enable-key",
          KeyIdRequest.class,
          "enableKey",
          List.of("key_id"),
          Set.of("kms:cmk:enable"));
  public static final KmsOperation<KeyIdRequest, KeyInfoResponse<KeyState>> DISABLE_KEY =
      new KmsOperation<>(
          "disable-key",
          KeyIdRequest.class,
          "disableKey",
          List.of("key_id"),
          Set.of("kms:cmk:disable"));
  public static final KmsOperation<ScheduleKeyDeletionRequest, KeyState> SCHEDULE_KEY_DELETION =
      new KmsOperation<>(
          "schedule-key-deletion",
          ScheduleKeyDeletionRequest.class,
          "scheduleKeyDeletion",
          List.of("key_id", "pending_days"),
          Set.of("kms:cmk:update"));
  public static final KmsOperation<KeyIdRequest, KeyState> CANCEL_KEY_DELETION =
      new KmsOperation<>(
          "cancel-key-deletion",
          KeyIdRequest.class,
          "cancelKeyDeletion",
          List.of("key_id"),
          Set.of("kms:cmk:update"));
  public static final KmsOperation<EncryptDataRequest, EncryptDataResponse> ENCRYPT_DATA =
      new KmsOperation<>(
          "encrypt-data",
          EncryptDataRequest.class,
          "encryptData",
          List.of("key_id", "plain_text"),
          Set.of("kms:cmk:crypto"));
  public static final KmsOperation<DecryptDataRequest, DecryptDataResponse> DECRYPT_DATA =
      new KmsOperation<>(
          "decrypt-data",
          DecryptDataRequest.class,
          "decryptData",
          List.of("cipher_text"),
          Set.of("kms:cmk:crypto"));
  public static final KmsOperation<CreateDatakeyRequest, CreateDatakeyResponse> CREATE_DATAKEY =
      new KmsOperation<>(
          "create-datakey",
          CreateDatakeyRequest.class,
          "createDatakey",
          List.of("key_id"),
          Set.of("kms:dek:create"));
  public static final KmsOperation<CreateDatakeyRequest, CreateDatakeyResponse>
      CREATE_DATAKEY_WITHOUT_PLAINTEXT =
          new KmsOperation<>(
              "create-datakey-without-plaintext",
              CreateDatakeyRequest.class,
              "createDatakeyWithoutPlaintext",
              List.of("key_id"),
              Set.of("kms:dek:create"));
  public static final KmsOperation<EncryptDatakeyRequest, EncryptDatakeyResponse> ENCRYPT_DATAKEY =
      new KmsOperation<>(
          "encrypt-datakey",
          EncryptDatakeyRequest.class,
          "encryptDatakey",
          List.of("key_id", "plain_text", "datakey_plain_length"),
          Set.of("kms:dek:crypto"));
  public static final KmsOperation<DecryptDatakeyRequest, DecryptDatakeyResponse> DECRYPT_DATAKEY =
      new KmsOperation<>(
          "decrypt-datakey",
          DecryptDatakeyRequest.class,
          "decryptDatakey",
          List.of("key_id", "cipher_text", "datakey_cipher_length"),
          Set.of("kms:dek:crypto"));

  /**
   * ReEncrypt decrypts under the source key and encrypts under the destination key inside KMS.
   * Huawei's docs name no dedicated IAM action for it, so the agency gets the crypto actions of
   * both halves: data ({@code kms:cmk:crypto}) and data keys ({@code kms:dek:crypto}).
   */
  public static final KmsOperation<ReEncryptRequest, ReEncryptResponse> RE_ENCRYPT =
      new KmsOperation<>(
          "re-encrypt",
          ReEncryptRequest.class,
          "reEncrypt",
          List.of("destination_key_id", "cipher_text"),
          Set.of("kms:cmk:crypto", "kms:dek:crypto"));

  /**
   * The operations the deployed function calls on Huawei Cloud KMS. The Terraform agency grants
   * exactly the IAM actions of these, and the tests check it. DescribeKey is the initializer's one
   * call (of the destination key): it opens the connection before the first request.
   */
  public static final List<KmsOperation<?, ?>> FUNCTION_CALLS = List.of(RE_ENCRYPT, DESCRIBE_KEY);

  private static final Map<String, KmsOperation<?, ?>> BY_PATH = index();

  private final String path;
  private final Class<Q> requestType;
  private final String engineMethod;
  private final List<String> requiredFields;
  private final Set<String> iamActions;

  /**
   * The request's wire field names and record constructor and the engine's method, found by
   * reflection once, on the operation's first use: parsing runs per request and manifest line,
   * while a process that serves one request (a cold start) should not reflect over, or spin a
   * method reference for, the thirteen operations it does not call.
   */
  private record Binding<Q>(List<String> fields, Constructor<Q> constructor, Method call) {}

  private volatile Binding<Q> binding;

  private KmsOperation(
      String path,
      Class<Q> requestType,
      String engineMethod,
      List<String> requiredFields,
      Set<String> iamActions) {
    this.path = path;
    this.requestType = requestType;
    this.engineMethod = engineMethod;
    this.requiredFields = requiredFields;
    this.iamActions = iamActions;
  }

  private Binding<Q> binding() {
    Binding<Q> current = binding;
    if (current == null) {
      // Two threads racing here compute the same binding; either one may be kept.
      RecordComponent[] components = requestType.getRecordComponents();
      List<String> fields = new ArrayList<>(components.length);
      for (RecordComponent component : components) {
        fields.add(Json.snakeCase(component.getName()));
      }
      current =
          new Binding<>(
              List.copyOf(fields),
              canonicalConstructor(requestType, components),
              engineMethod(requestType, engineMethod));
      binding = current;
    }
    return current;
  }

  public static Optional<KmsOperation<?, ?>> byPath(String path) {
    return Optional.ofNullable(BY_PATH.get(path));
  }

  public static Collection<KmsOperation<?, ?>> all() {
    return BY_PATH.values();
  }

  public String path() {
    return path;
  }

  public Class<Q> requestType() {
    return requestType;
  }

  public List<String> requiredFields() {
    return requiredFields;
  }

  public Set<String> iamActions() {
    return iamActions;
  }

  /**
   * Binds a JSON body to this operation's request. Every known field must be a string or null
   * (KMS.0308 otherwise) and every required field present and non-empty (KMS.0204 otherwise).
   */
  public Q parse(Map<String, Object> body) {
    Binding<Q> bound = binding();
    List<String> fields = bound.fields();
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      Object value = body.get(fields.get(i));
      if (value != null && !(value instanceof String)) {
        throw KmsError.INVALID_PARAMETER.exception(fields.get(i) + " must be a string");
      }
      values[i] = value;
    }
    for (String field : requiredFields) {
      Object value = body.get(field);
      if (value == null || value.toString().isEmpty()) {
        throw KmsError.MISSING_PARAMETER.exception(field);
      }
    }
    try {
      return bound.constructor().newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("request records are plain string records", e);
    }
  }

  /** Parses the body and runs the operation on the engine. */
  public R invoke(KmsEngine engine, Map<String, Object> body) {
    return invoke(engine, parse(body));
  }

  /** Runs an already-typed request on the engine. */
  @SuppressWarnings("unchecked") // the method's return type is R: checked by KmsOperationTest
  public R invoke(KmsEngine engine, Q request) {
    try {
      return (R) binding().call().invoke(engine, request);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("KmsEngine methods throw no checked exceptions", e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("KmsEngine methods are public", e);
    }
  }

  private static Map<String, KmsOperation<?, ?>> index() {
    Map<String, KmsOperation<?, ?>> byPath = new LinkedHashMap<>();
    for (KmsOperation<?, ?> op :
        List.of(
            CREATE_KEY,
            DESCRIBE_KEY,
            LIST_KEYS,
            ENABLE_KEY,
            DISABLE_KEY,
            SCHEDULE_KEY_DELETION,
            CANCEL_KEY_DELETION,
            ENCRYPT_DATA,
            DECRYPT_DATA,
            CREATE_DATAKEY,
            CREATE_DATAKEY_WITHOUT_PLAINTEXT,
            ENCRYPT_DATAKEY,
            DECRYPT_DATAKEY,
            RE_ENCRYPT)) {
      byPath.put(op.path, op);
    }
    return java.util.Collections.unmodifiableMap(byPath);
  }

  /** The engine's public method of this name taking the request type. */
  private static Method engineMethod(Class<?> requestType, String name) {
    try {
      return KmsEngine.class.getMethod(name, requestType);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("KmsEngine has no " + name + "(" + requestType + ")", e);
    }
  }

  /** The record's canonical constructor; every request field is a string on KMS's wire. */
  private static <Q> Constructor<Q> canonicalConstructor(
      Class<Q> type, RecordComponent[] components) {
    for (RecordComponent component : components) {
      if (component.getType() != String.class) {
        throw new IllegalStateException(type.getSimpleName() + " has a non-string field");
      }
    }
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    try {
      return type.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type.getSimpleName() + " is not a record", e);
    }
  }
}
