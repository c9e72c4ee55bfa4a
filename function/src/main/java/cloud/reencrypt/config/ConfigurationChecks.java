package cloud.reencrypt.config;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks a {@link Configuration} passes when it is read, each failing with one {@link
 * ConfigurationException} line that names the setting. Plain loops and checks rather than lambdas:
 * this runs in every cold start.
 */
final class ConfigurationChecks {
  private final Configuration configuration;

  private ConfigurationChecks(Configuration configuration) {
    this.configuration = configuration;
  }

  /**
   * @throws ConfigurationException naming the first bad setting
   */
  static void check(Configuration configuration) {
    ConfigurationChecks checks = new ConfigurationChecks(configuration);
    checks.choices();
    checks.keyIds();
    checks.numbers();
    checks.output();
    checks.workLocation();
  }

  private void choices() {
    oneOf(Setting.REENCRYPT_ENGINE, Set.of("local", "kms"));
    oneOf(Setting.REENCRYPT_ALLOW_LOCAL_ENGINE, Set.of("true", "false"));
    oneOf(Setting.DESTINATION_ENCRYPTION_ALGORITHM, Configuration.ENCRYPTION_ALGORITHMS);
    oneOf(Setting.JOBS_API_ENABLED, Set.of("true", "false"));
  }

  private void keyIds() {
    if (configuration.destinationKeyId().isPresent()) {
      keyId(Setting.DESTINATION_KEY_ID, configuration.destinationKeyId().get());
    }
    for (String id : configuration.allowedSourceKeyIds()) {
      keyId(Setting.ALLOWED_SOURCE_KEY_IDS, id);
    }
    for (String id : configuration.allowedDestinationKeyIds()) {
      keyId(Setting.ALLOWED_DESTINATION_KEY_IDS, id);
    }
  }

  private void numbers() {
    atLeast(Setting.MAX_MANIFEST_BYTES, 1);
    atLeast(Setting.PART_BYTES, Configuration.MIN_PART_BYTES);
    atLeast(Setting.FANOUT_BYTES, Configuration.MIN_PART_BYTES);
    atLeast(Setting.MAX_INSTANCES, 1);
    if (configuration.maxInstances() > Configuration.MAX_INSTANCES_LIMIT) {
      throw new ConfigurationException(
          "MAX_INSTANCES must be 1 to "
              + Configuration.MAX_INSTANCES_LIMIT
              + ", not "
              + configuration.maxInstances());
    }
    Optional<String> concurrency = configuration.value(Setting.MANIFEST_CONCURRENCY);
    if (concurrency.isPresent()) {
      concurrency(concurrency.get());
    }
  }

  private void output() {
    if (configuration.outputPrefix().isEmpty() && configuration.outputBucket().isEmpty()) {
      throw new ConfigurationException(
          "OUTPUT_PREFIX is empty and OUTPUT_BUCKET is unset, so outputs would land in the source"
              + " bucket where the function picks them up again; set a prefix or another bucket");
    }
    if (configuration.outputPrefix().startsWith("/")) {
      throw new ConfigurationException("OUTPUT_PREFIX must not start with '/'");
    }
  }

  /** The work location is never the output location, nor inside it, nor around it. */
  private void workLocation() {
    String work = configuration.workPrefix();
    if (work.isEmpty() || work.startsWith("/") || !work.endsWith("/")) {
      throw new ConfigurationException(
          "WORK_PREFIX must be a folder such as '.reencrypt-work/': not empty, ending in '/', not"
              + " starting with '/'");
    }
    boolean sameBucket = configuration.workBucket().equals(configuration.outputBucket());
    String output = configuration.outputPrefix();
    if (sameBucket && (work.startsWith(output) || output.startsWith(work))) {
      throw new ConfigurationException(
          "WORK_PREFIX '"
              + work
              + "' and OUTPUT_PREFIX '"
              + output
              + "' overlap in the same bucket; the work location is never the output location");
    }
    if (configuration.jobsApiEnabled() && configuration.workBucket().isEmpty()) {
      throw new ConfigurationException(
          "JOBS_API_ENABLED=true needs WORK_BUCKET: the API has no event bucket to find jobs in");
    }
  }

  private void oneOf(Setting setting, Set<String> allowed) {
    Optional<String> value = configuration.value(setting);
    if (value.isPresent() && !allowed.contains(value.get())) {
      throw new ConfigurationException(
          setting + " must be one of " + new TreeSet<>(allowed) + ", not '" + value.get() + "'");
    }
  }

  private static void keyId(Setting setting, String id) {
    if (!Configuration.KEY_ID.matcher(id).matches()) {
      throw new ConfigurationException(setting + " holds '" + id + "', which is not a KMS key ID");
    }
  }

  private static void concurrency(String text) {
    if (!text.matches("[0-9]{1,2}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 64) {
      throw new ConfigurationException("MANIFEST_CONCURRENCY must be 1 to 64, not '" + text + "'");
    }
  }

  /** A whole number of at least {@code minimum}, when the setting is present. */
  private void atLeast(Setting setting, long minimum) {
    Optional<String> text = configuration.value(setting);
    if (text.isEmpty()) {
      return;
    }
    try {
      if (Long.parseLong(text.get()) >= minimum) {
        return;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException(
        setting + " must be a whole number of at least " + minimum + ", not '" + text.get() + "'");
  }
}
