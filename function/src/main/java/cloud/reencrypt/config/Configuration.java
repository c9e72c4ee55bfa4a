package cloud.reencrypt.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The function's configuration, read once from one source of names: {@code
 * context.getUserData(NAME)} inside FunctionGraph, environment variables locally (the local context
 * reads them). Every value is checked here, so a bad configuration fails at start with one {@link
 * ConfigurationException} line instead of at the first event that needs it.
 *
 * <p>An empty value counts as unset, except {@code OUTPUT_PREFIX}, where an explicit empty string
 * means "no prefix" and unset means the default {@code reencrypted/}.
 */
public final class Configuration {
  /** Huawei KMS's key ID pattern (the request-field pattern of the KMS API reference). */
  public static final Pattern KEY_ID =
      Pattern.compile("[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}");

  private static final Set<String> ALGORITHMS =
      Set.of("SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_256", "RSAES_OAEP_SHA_1", "SM2_ENCRYPT");

  private final Map<Setting, String> values;
  private final boolean inFunctionGraph;

  private Configuration(Map<Setting, String> values, boolean inFunctionGraph) {
    this.values = values;
    this.inFunctionGraph = inFunctionGraph;
    validate();
  }

  /**
   * Reads every {@link Setting} from the source.
   *
   * @param source the value of a name, or null when unset
   * @param inFunctionGraph whether the process runs inside FunctionGraph ({@link Platform})
   * @throws ConfigurationException naming the first bad setting
   */
  public static Configuration read(UnaryOperator<String> source, boolean inFunctionGraph) {
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    for (Setting setting : Setting.values()) {
      String value = source.apply(setting.name());
      if (value != null) {
        values.put(setting, value.trim());
      }
    }
    return new Configuration(values, inFunctionGraph);
  }

  /**
   * The raw value of a setting, empty when unset or blank; for engines with settings of their own.
   */
  public Optional<String> value(Setting setting) {
    String value = values.get(setting);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  public boolean inFunctionGraph() {
    return inFunctionGraph;
  }

  /** {@code local} or {@code kms}. */
  public String engine() {
    return value(Setting.REENCRYPT_ENGINE).orElse(Setting.REENCRYPT_ENGINE.defaultValue());
  }

  public Path keystore() {
    return Path.of(
        value(Setting.REENCRYPT_KEYSTORE).orElse(Setting.REENCRYPT_KEYSTORE.defaultValue()));
  }

  public boolean allowLocalEngine() {
    return Boolean.parseBoolean(values.get(Setting.REENCRYPT_ALLOW_LOCAL_ENGINE));
  }

  public Optional<String> destinationKeyId() {
    return value(Setting.DESTINATION_KEY_ID);
  }

  public String destinationEncryptionAlgorithm() {
    return value(Setting.DESTINATION_ENCRYPTION_ALGORITHM)
        .orElse(Setting.DESTINATION_ENCRYPTION_ALGORITHM.defaultValue());
  }

  /** The output bucket; empty means "the source bucket". */
  public Optional<String> outputBucket() {
    return value(Setting.OUTPUT_BUCKET);
  }

  public String outputPrefix() {
    String prefix = values.get(Setting.OUTPUT_PREFIX);
    return prefix == null ? Setting.OUTPUT_PREFIX.defaultValue() : prefix;
  }

  public Set<String> allowedSourceKeyIds() {
    return keyIds(Setting.ALLOWED_SOURCE_KEY_IDS);
  }

  public Set<String> allowedDestinationKeyIds() {
    return keyIds(Setting.ALLOWED_DESTINATION_KEY_IDS);
  }

  /** The largest manifest one invocation takes; empty means no limit. */
  public OptionalLong maxManifestBytes() {
    Optional<String> limit = value(Setting.MAX_MANIFEST_BYTES);
    return limit.isPresent() ? OptionalLong.of(Long.parseLong(limit.get())) : OptionalLong.empty();
  }

  /** How many manifest lines are re-encrypted at once. */
  public int manifestConcurrency() {
    return Integer.parseInt(
        value(Setting.MANIFEST_CONCURRENCY).orElse(Setting.MANIFEST_CONCURRENCY.defaultValue()));
  }

  public Optional<String> obsEndpoint() {
    return value(Setting.OBS_ENDPOINT);
  }

  private Set<String> keyIds(Setting setting) {
    Set<String> ids = new LinkedHashSet<>();
    for (String id : value(setting).orElse("").split(",")) {
      if (!id.isBlank()) {
        ids.add(id.trim());
      }
    }
    return Set.copyOf(ids);
  }

  private void validate() {
    oneOf(Setting.REENCRYPT_ENGINE, Set.of("local", "kms"));
    oneOf(Setting.REENCRYPT_ALLOW_LOCAL_ENGINE, Set.of("true", "false"));
    oneOf(Setting.DESTINATION_ENCRYPTION_ALGORITHM, ALGORITHMS);
    // Plain loops and checks rather than lambdas: this runs in every cold start.
    if (destinationKeyId().isPresent()) {
      keyId(Setting.DESTINATION_KEY_ID, destinationKeyId().get());
    }
    for (String id : allowedSourceKeyIds()) {
      keyId(Setting.ALLOWED_SOURCE_KEY_IDS, id);
    }
    for (String id : allowedDestinationKeyIds()) {
      keyId(Setting.ALLOWED_DESTINATION_KEY_IDS, id);
    }
    if (value(Setting.MAX_MANIFEST_BYTES).isPresent()) {
      positiveLong(value(Setting.MAX_MANIFEST_BYTES).get());
    }
    if (value(Setting.MANIFEST_CONCURRENCY).isPresent()) {
      concurrency(value(Setting.MANIFEST_CONCURRENCY).get());
    }
    if (outputPrefix().isEmpty() && outputBucket().isEmpty()) {
      throw new ConfigurationException(
          "OUTPUT_PREFIX is empty and OUTPUT_BUCKET is unset, so outputs would land in the source"
              + " bucket where the function picks them up again; set a prefix or another bucket");
    }
    if (outputPrefix().startsWith("/")) {
      throw new ConfigurationException("OUTPUT_PREFIX must not start with '/'");
    }
  }

  private void oneOf(Setting setting, Set<String> allowed) {
    Optional<String> value = value(setting);
    if (value.isPresent() && !allowed.contains(value.get())) {
      throw new ConfigurationException(
          setting + " must be one of " + new TreeSet<>(allowed) + ", not '" + value.get() + "'");
    }
  }

  private static void keyId(Setting setting, String id) {
    if (!KEY_ID.matcher(id).matches()) {
      throw new ConfigurationException(setting + " holds '" + id + "', which is not a KMS key ID");
    }
  }

  private static void concurrency(String text) {
    if (!text.matches("[0-9]{1,2}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 64) {
      throw new ConfigurationException("MANIFEST_CONCURRENCY must be 1 to 64, not '" + text + "'");
    }
  }

  private void positiveLong(String text) {
    try {
      if (Long.parseLong(text) > 0) {
        return;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException(
        "MAX_MANIFEST_BYTES must be a positive number of bytes, not '" + text + "'");
  }
}
