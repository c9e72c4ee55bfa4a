package cloud.reencrypt.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
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

  /** ReEncrypt's {@code destination_encryption_algorithm} values. */
  public static final Set<String> ENCRYPTION_ALGORITHMS =
      Set.of("SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_256", "RSAES_OAEP_SHA_1", "SM2_ENCRYPT");

  /** The smallest part: below it, the work location's bookkeeping would cost more than the part. */
  public static final long MIN_PART_BYTES = 1024;

  /** The most instances a deployment may declare ({@code MAX_INSTANCES}). */
  public static final int MAX_INSTANCES_LIMIT = 1000;

  private final Map<Setting, String> values;
  private final boolean inFunctionGraph;

  private Configuration(Map<Setting, String> values, boolean inFunctionGraph) {
    this.values = values;
    this.inFunctionGraph = inFunctionGraph;
    ConfigurationChecks.check(this);
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

  /** {@code WORK_BUCKET}; empty means the event's bucket. */
  public Optional<String> workBucket() {
    return value(Setting.WORK_BUCKET);
  }

  public String workPrefix() {
    return value(Setting.WORK_PREFIX).orElse(Setting.WORK_PREFIX.defaultValue());
  }

  /** Manifest input bytes per part. */
  public long partBytes() {
    return Long.parseLong(value(Setting.PART_BYTES).orElse(Setting.PART_BYTES.defaultValue()));
  }

  /** Manifests above this many bytes are split into even ranges of at most this size. */
  public long fanoutBytes() {
    return Long.parseLong(value(Setting.FANOUT_BYTES).orElse(Setting.FANOUT_BYTES.defaultValue()));
  }

  public int maxInstances() {
    return Integer.parseInt(
        value(Setting.MAX_INSTANCES).orElse(Setting.MAX_INSTANCES.defaultValue()));
  }

  public boolean jobsApiEnabled() {
    return Boolean.parseBoolean(values.get(Setting.JOBS_API_ENABLED));
  }

  /** {@code SWEEP_ALLOWED_BUCKETS}: the buckets the jobs API may sweep; none when unset. */
  public Set<String> sweepAllowedBuckets() {
    return keyIds(Setting.SWEEP_ALLOWED_BUCKETS);
  }

  /** {@code MAX_RUNNING_JOBS}: sweeps that may run at once. */
  public int maxRunningJobs() {
    return Integer.parseInt(
        value(Setting.MAX_RUNNING_JOBS).orElse(Setting.MAX_RUNNING_JOBS.defaultValue()));
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
}
